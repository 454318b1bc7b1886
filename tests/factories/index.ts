/**
 * Test data builders on the real test database (tests/setup-db.ts gives each test file its own).
 * Reference rows (stages, categories) are loaded once per file by `ensureReference()`.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { parseCsvRecords } from "~/utils/csv";
import {
  attendanceStatuses,
  programmes,
  psychosocialServices,
  bedAssignments,
  beds,
  exitOutcomes,
  outreachUnits,
  panti,
  persons,
  ppksCategories,
  rehabilitationStages,
  rooms,
  stays,
  users,
} from "#db/schema";
import { EXIT_OUTCOMES, OUTREACH_UNITS, PPKS_CATEGORIES, REHABILITATION_STAGES } from "~/domain/reference";
import type { Role } from "~/domain/permissions";
import type { PlacementInput } from "~/domain/placements";
import { sessionSchema, type SessionInput } from "~/domain/case-file";
import { exitSchema, type ExitInput } from "~/domain/exits";
import { signIn } from "~/services/auth.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { sessionCookie } from "~/utils/session.server";

let counter = 0;
const next = () => ++counter;

/** Reference rows read from the project's CSV files (tests run from the project root). */
function csvRows(file: string) {
  return parseCsvRecords(fs.readFileSync(path.resolve("db/reference", file), "utf8"));
}
const PSYCHOSOCIAL_SERVICE_ROWS = csvRows("psychosocial-services.csv").map((r) => ({ code: r.code!, nameId: r.name_id!, nameEn: r.name_en! }));
const PROGRAMME_ROWS = csvRows("programmes.csv").map((r) => ({ code: r.code!, nameId: r.name_id!, nameEn: r.name_en!, kind: r.kind! }));

let referenceLoaded = false;

/** Loads the reference vocabularies (from app/domain/reference.ts) into the test database once. */
export function ensureReference() {
  if (referenceLoaded) return;
  referenceLoaded = true;
  db.insert(rehabilitationStages)
    .values(REHABILITATION_STAGES.map((s, i) => ({ code: s.code, position: i + 1, nameId: s.nameId, nameEn: s.nameEn })))
    .onConflictDoNothing()
    .run();
  db.insert(ppksCategories).values(PPKS_CATEGORIES.map((c) => ({ ...c }))).onConflictDoNothing().run();
  db.insert(outreachUnits)
    .values(OUTREACH_UNITS.map((u) => ({ code: u.code, nameId: u.nameId, kota: u.kota || null })))
    .onConflictDoNothing()
    .run();
  db.insert(psychosocialServices).values(PSYCHOSOCIAL_SERVICE_ROWS).onConflictDoNothing().run();
  db.insert(programmes).values(PROGRAMME_ROWS).onConflictDoNothing().run();
  db.insert(attendanceStatuses)
    .values([
      { code: "hadir", nameId: "Hadir", nameEn: "Present", points: 2 },
      { code: "terlambat", nameId: "Terlambat", nameEn: "Late", points: 1 },
      { code: "izin", nameId: "Izin", nameEn: "Excused", points: 1 },
      { code: "alpa", nameId: "Tidak hadir", nameEn: "Absent", points: 0 },
    ])
    .onConflictDoNothing()
    .run();
  db.insert(exitOutcomes)
    .values(EXIT_OUTCOMES.map((o) => ({ code: o.code, nameId: o.nameId, nameEn: o.nameEn, outcomeGroup: o.group, positive: o.positive as "yes" | "no" | "neutral" })))
    .onConflictDoNothing()
    .run();
}

export function createPanti(overrides: Partial<typeof panti.$inferInsert> = {}) {
  ensureReference();
  const n = next();
  return db
    .insert(panti)
    .values({ code: `P-${n}`, name: `Panti Uji ${n}`, type: "intake", kota: "Jakarta Barat", ...overrides })
    .returning()
    .get();
}

/** A room with `count` beds labelled R-01 ... */
export function createRoom(pantiId: number, count: number, options: { overflow?: boolean; sex?: "male" | "female" | "mixed" } = {}) {
  const room = db
    .insert(rooms)
    .values({ pantiId, name: `Ruang ${next()}`, sex: options.sex ?? "mixed" })
    .returning()
    .get();
  const bedRows = Array.from({ length: count }, (_, i) =>
    db
      .insert(beds)
      .values({ pantiId, roomId: room.id, label: `R-${String(i + 1).padStart(2, "0")}`, overflow: options.overflow ?? false })
      .returning()
      .get(),
  );
  return { room, beds: bedRows };
}

/** A resident: a person with an open stay, on the given bed (or without one). */
export function createResident(pantiId: number, bedId: number | null, at = new Date("2026-01-10T03:00:00Z")) {
  ensureReference();
  const person = db
    .insert(persons)
    .values({ name: `Warga ${next()}`, sex: "male" })
    .returning()
    .get();
  const stay = db.insert(stays).values({ personId: person.id, pantiId, admittedAt: at }).returning().get();
  if (bedId != null) db.insert(bedAssignments).values({ stayId: stay.id, bedId, fromAt: at }).run();
  return { person, stay };
}

export const TEST_PASSWORD = "test-password-123";
let cachedHash: string | undefined;

export function createUser(role: Role, pantiId: number | null = null, outreachUnit: string | null = null) {
  ensureReference();
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = `${role.replace("_", "")}${next()}`;
  const user = db
    .insert(users)
    .values({
      username,
      name: `Pengguna ${username}`,
      passwordHash: cachedHash,
      role,
      pantiId,
      outreachUnit: outreachUnit ?? (role === "outreach" ? "sudin_jakbar" : null),
    })
    .returning()
    .get();
  return { ...user, actor: { id: user.id, role: user.role, pantiId: user.pantiId, outreachUnit: user.outreachUnit } };
}

/** Signs a user in and returns a Cookie header for requests as them. */
export async function cookieFor(username: string): Promise<string> {
  const result = signIn({ username, password: TEST_PASSWORD, clientAddress: "127.0.0.1" });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  const setCookie = await sessionCookie().serialize(result.sessionId);
  return setCookie.split(";")[0]!;
}

export function auditCount(action: string): number {
  return db.get<{ n: number }>(sql`select count(*) as n from audit_log where action = ${action}`).n;
}

export function bedById(id: number) {
  return db.select().from(beds).where(eq(beds.id, id)).get();
}

/** A valid referral input (as parsed by placementInputSchema) to the given panti. */
export function referralInput(targetPantiId: number, overrides: Partial<PlacementInput> = {}): PlacementInput {
  return {
    outreachUnit: "sudin_jakbar",
    officerName: "Rudi Hartono",
    foundAt: new Date("2026-03-02T14:15:00Z"),
    reachMethod: "patrol",
    personName: `Orang Uji ${next()}`,
    unidentified: false,
    sex: "male",
    estimatedAge: 45,
    ppksCategory: "gelandangan",
    disabilitySubtypes: [],
    assessmentSummary: "Tidur di kolong jembatan, sehat, bersedia dibawa ke panti.",
    targetPantiId,
    ...overrides,
  };
}

/** A valid individual psychosocial session for one stay (as parsed by sessionSchema). */
export function individualSessionInput(stayId: number, note?: string): SessionInput {
  return sessionSchema.parse({
    serviceCode: "konseling_individu",
    mode: "individual",
    providerName: "Anindya Puspitasari",
    sessionAt: "2026-03-01T10:00",
    durationMinutes: "45",
    summary: "Sesi berjalan baik",
    note,
    stayIds: String(stayId),
  });
}

/** A valid exit home to the family, with the documents it needs (as parsed by exitSchema). */
export function familyExitInput(exitedAt: string): ExitInput {
  return exitSchema.parse({
    outcome: "returned_family",
    exitedAt,
    familyName: "Sri Wahyuni",
    familyRelation: "anak",
    familyAddress: "Bekasi",
    docKtp: "on",
    docKk: "on",
    docSignedStatement: "on",
  });
}
