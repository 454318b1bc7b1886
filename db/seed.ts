/**
 * Seeds an empty database: the reference lists from db/reference/*.csv, the panti registry,
 * rooms and beds, a deterministic demo population with `scale` years of history, and one demo
 * user per role. The same `scale` and `now` always give the same data.
 *
 * As a script: `npx tsx db/seed.ts [--scale N]` seeds DATABASE_URL (default ./data/panti.db)
 * and writes the demo logins next to it. The password is DEMO_PASSWORD, or a generated one.
 */
import { pathToFileURL } from "node:url";
import { getTableColumns, getTableName, type Column } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { databaseFile, openDatabase, type Db } from "./connection";
import * as schema from "./schema";
import { generatePassword, hashPassword } from "../app/utils/password.server";
import type { Role } from "../app/domain/permissions";
import { loadReferenceData, PROVINCE_REGISTRY_FILES, registryDir, type PantiProfile, type ReferenceData } from "./seed/reference";
import { DAY_MS, planPopulation } from "./seed/population";
import { STAFF_NAMES } from "./seed/names";
import { demoLoginsPath, formatLogins, writeDemoLogins, type DemoLogin } from "./seed/logins";
import { seedApprovals } from "./seed/approvals";
import { seedHandoffs } from "./seed/handoffs";
import { seedPlacements } from "./seed/placements";
import { seedProgrammes } from "./seed/programmes";
import { seedSafeguarding } from "./seed/safeguarding";
import { DEMO_SEED_ACTION, REFERENCE_SETUP_ACTION } from "./seed/markers";
import { JABAR_PROVINCE_CODE, planJabarDemo } from "./seed/jabar";
import { DEFAULT_PROVINCE_CODE, ownProvinceCode } from "../app/domain/provinces";

export interface SeedOptions {
  /** Years of history to generate (default 1). Fractions are allowed; 0 = today's residents only. */
  scale?: number;
  /** The password of every demo user. */
  demoPassword: string;
  /** The present of the demo data (default: today 00:00 in Jakarta). Every instant is before it. */
  now?: Date;
  log?: (message: string) => void;
}

export interface SeedResult {
  logins: DemoLogin[];
  counts: Record<string, number>;
}

/** Today at 00:00 in Asia/Jakarta (UTC+7, no daylight saving). */
export function startOfTodayInJakarta(at: Date = new Date()): Date {
  const offset = 7 * 3_600_000;
  return new Date(Math.floor((at.getTime() + offset) / DAY_MS) * DAY_MS - offset);
}

interface DemoUser {
  username: keyof typeof STAFF_NAMES;
  role: Role;
  panti: string | null;
  outreachUnit?: string;
}

const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", role: "dinsos_admin", panti: null },
  { username: "analis", role: "dinsos_viewer", panti: null },
  { username: "admin.bd1", role: "panti_admin", panti: "PSBI-BD1" },
  { username: "admin.bm1", role: "panti_admin", panti: "PSTW-BM1" },
  { username: "admin.tj1", role: "panti_admin", panti: "PSBR-TJ1" },
  { username: "instruktur.tj1", role: "instructor", panti: "PSBR-TJ1" },
  { username: "psikolog.hs2", role: "psychosocial", panti: "PSBL-HS2" },
  { username: "admin.hs2", role: "panti_admin", panti: "PSBL-HS2" },
  { username: "p3s.jakbar", role: "outreach", panti: null, outreachUnit: "sudin_jakbar" },
];

/** Tables the seed writes, in insertion order (the counts are reported in this order). */
const SEEDED_TABLES = [
  "ppks_categories",
  "disability_subtypes",
  "exit_outcomes",
  "rehabilitation_stages",
  "outreach_units",
  "partner_provinces",
  "programmes",
  "psychosocial_services",
  "attendance_statuses",
  "panti",
  "rooms",
  "beds",
  "persons",
  "stays",
  "bed_assignments",
  "users",
  "handoffs",
  "handoff_events",
  "tracing_requests",
  "approvals",
  "audit_log",
] as const;

const CHUNK = 500;

/**
 * Inserts rows in chunks of 500 through prepared multi-row statements on the driver (several
 * times faster than building each chunk with the query builder). Values are converted by the
 * schema's own columns (Date → ms, boolean → 0/1, JSON → text), so rows keep the schema's types.
 */
function insertAll<T extends SQLiteTable>(db: Db, table: T, rows: readonly T["$inferInsert"][]): void {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = Object.keys(first);
  const targets = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column;
  });
  const head =
    `insert into "${getTableName(table)}" (${targets.map((c) => `"${c.name}"`).join(", ")}) values `;
  const tuple = `(${targets.map(() => "?").join(", ")})`;
  const statement = (size: number) => db.$client.prepare(head + new Array(size).fill(tuple).join(", "));
  const full = rows.length >= CHUNK ? statement(CHUNK) : null;

  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const values: unknown[] = [];
    for (const row of chunk) {
      const record = row as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) {
        const value = record[keys[i]!];
        values.push(value === null || value === undefined ? null : targets[i]!.mapToDriverValue(value));
      }
    }
    (chunk.length === CHUNK && full ? full : statement(chunk.length)).run(values);
  }
}

function countRows(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of SEEDED_TABLES) {
    const row = db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

/** The reference vocabularies (categories, outcomes, stages, units, programmes, services, attendance). */
function insertVocabularies(db: Db, reference: ReferenceData): void {
  insertAll(db, schema.ppksCategories, reference.ppksCategories);
  insertAll(db, schema.disabilitySubtypes, reference.disabilitySubtypes);
  insertAll(db, schema.exitOutcomes, reference.exitOutcomes);
  insertAll(db, schema.rehabilitationStages, reference.rehabilitationStages);
  insertAll(db, schema.outreachUnits, reference.outreachUnits);
  insertAll(db, schema.partnerProvinces, reference.partnerProvinces);
  insertAll(db, schema.programmes, reference.programmes);
  insertAll(db, schema.psychosocialServices, reference.psychosocialServices);
  insertAll(db, schema.attendanceStatuses, reference.attendanceStatuses);
}

/** A panti of the published registry as a row. */
/** Which stays had their admission or exit entered late, and by how much (a rule on the stay id). */
const ADMISSION_LATE = { every: 17, at: 3, minDays: 8, spread: 10 };
const EXIT_LATE = { every: 19, at: 4, minDays: 8, spread: 9 };

/**
 * When an event was entered: at once, or for one stay in `every` some 8 to 17 days later, as
 * happens when paperwork catches up (the data-quality report finds these). Deterministic; never
 * within four days of `now`, so that no demo exit is still inside its undo grace period.
 */
function enteredAt(stayId: number, eventAt: number | null, now: number, rule: typeof ADMISSION_LATE): Date | null {
  if (eventAt === null) return null;
  if (stayId % rule.every !== rule.at) return new Date(eventAt);
  const late = eventAt + (rule.minDays + (stayId % rule.spread)) * DAY_MS;
  return new Date(late < now - 4 * DAY_MS ? late : eventAt);
}

function pantiRow(id: number, p: PantiProfile, createdAt: Date): typeof schema.panti.$inferInsert {
  return {
    id,
    code: p.code,
    name: p.name,
    type: p.type,
    kind: "upt" as const,
    targetGroup: p.targetGroup,
    targetCategories: p.targetCategories,
    sexServed: p.sexServed,
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    kota: p.kota,
    address: p.address,
    declaredCapacity: p.capacity,
    capacityEstimated: p.capacityEstimated,
    capacityYear: p.capacityYear,
    reportedResidents: p.reportedResidents,
    reportedYear: p.reportedYear,
    source: p.source,
    active: true,
    createdAt,
  };
}


/**
 * What a production database starts with: the reference vocabularies and the published panti
 * registry, in one transaction, and its audit row. No people, no users, no rooms or beds (each
 * panti records its own). Refuses a database that is not empty.
 */
export function seedReference(db: Db, at = new Date()): Record<string, number> {
  const filled = Object.entries(countRows(db)).filter(([, n]) => n > 0);
  if (filled.length > 0) throw new Error(`The database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(", ")})`);
  const province = ownProvinceCode(process.env.PANTI_PROVINCE);
  if (province !== DEFAULT_PROVINCE_CODE && !registryDir()) {
    throw new Error(
      `db/reference holds DKI Jakarta's panti and outreach units, not those of province ${province}: ` +
        `put this province's ${PROVINCE_REGISTRY_FILES.join(", ")} (same columns) in a folder and name it in PANTI_REGISTRY_DIR`,
    );
  }
  const reference = loadReferenceData();
  return db.transaction((tx) => {
    insertVocabularies(db, reference);
    insertAll(db, schema.panti, reference.panti.map((profile, i) => pantiRow(i + 1, profile, at)));
    const counts = countRows(db);
    tx.insert(schema.auditLog)
      .values({ at, userId: null, action: REFERENCE_SETUP_ACTION, entity: "database", entityId: null, pantiId: null, before: null, after: counts })
      .run();
    return counts;
  });
}

export function seedDatabase(db: Db, options: SeedOptions): SeedResult {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale < 0 || scale > 50) {
    throw new Error(`Seed scale must be a number of years from 0 to 50, not ${scale}`);
  }
  if (!options.demoPassword) throw new Error("Seed needs a demo password");
  const now = (options.now ?? startOfTodayInJakarta()).getTime();
  const log = options.log ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  const filled = Object.entries(countRows(db)).filter(([, n]) => n > 0);
  if (filled.length > 0) {
    throw new Error(
      `The database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(", ")}); ` +
        "the seed only fills a fresh database",
    );
  }

  const reference = loadReferenceData();
  const province = ownProvinceCode(process.env.PANTI_PROVINCE);
  if (province === JABAR_PROVINCE_CODE) return seedJabarDatabase(db, reference, new Date(now), options.demoPassword, log);
  if (province !== DEFAULT_PROVINCE_CODE) {
    throw new Error(`There is no demo registry for province ${province}: the demo data is DKI Jakarta's (31) or Jawa Barat's (32)`);
  }
  log(`Planning ${scale} year(s) of history for ${reference.panti.length} panti`);
  const plan = planPopulation(reference.panti, { now, years: scale });
  log(`Planned ${plan.persons.length} persons and ${plan.stays.length} stays (${elapsed()})`);
  const passwordHash = hashPassword(options.demoPassword);
  const setupAt = new Date(plan.setupAt);
  const pantiId = new Map(plan.panti.map((p) => [p.profile.code, p.id]));

  db.transaction(() => {
    insertVocabularies(db, reference);
    insertAll(
      db,
      schema.panti,
      plan.panti.map(({ id, profile }) => pantiRow(id, profile, setupAt)),
    );
    insertAll(
      db,
      schema.rooms,
      plan.rooms.map((r) => ({ id: r.id, pantiId: r.pantiId, name: r.name, sex: r.sex, createdAt: setupAt })),
    );
    insertAll(
      db,
      schema.beds,
      plan.beds.map((b) => ({
        id: b.id,
        pantiId: b.pantiId,
        roomId: b.roomId,
        label: b.label,
        status: b.outOfServiceSince === null ? ("available" as const) : ("out_of_service" as const),
        overflow: b.overflow,
        statusReason: b.statusReason,
        statusChangedAt: b.outOfServiceSince === null ? null : new Date(b.outOfServiceSince),
        // Overflow mattresses appear when they are first needed.
        createdAt: b.overflow && b.firstUsedAt !== null ? new Date(b.firstUsedAt - DAY_MS) : setupAt,
      })),
    );
    log(`Wrote ${plan.panti.length} panti, ${plan.rooms.length} rooms, ${plan.beds.length} beds (${elapsed()})`);

    insertAll(
      db,
      schema.persons,
      plan.persons.map((p) => ({
        id: p.id,
        nik: p.nik,
        kk: p.kk,
        name: p.name,
        unidentified: p.unidentified,
        description: p.description,
        sex: p.sex,
        birthDate: p.birthDate,
        estimatedBirthYear: p.estimatedBirthYear,
        originProvince: p.region?.province ?? null,
        originCity: p.region?.city ?? null,
        ppksCategory: p.ppksCategory,
        disabilitySubtypes: p.disabilitySubtypes,
        birthYear: p.birthDate ? Number(p.birthDate.slice(0, 4)) : p.estimatedBirthYear,
        createdAt: new Date(p.firstAdmittedAt),
      })),
    );
    insertAll(
      db,
      schema.stays,
      plan.stays.map((s) => ({
        id: s.id,
        personId: s.person.id,
        pantiId: s.panti.id,
        placementId: null,
        admittedAt: new Date(s.admittedAt),
        currentStage: s.currentStage,
        exitedAt: s.exitedAt === null ? null : new Date(s.exitedAt),
        exitOutcome: s.exitOutcome,
        exitDestination: s.exitDestination,
        exitDetails: s.exitDetails,
        exitNotes: s.exitNotes,
        // Recorded when it happened, but for a few entered late (see enteredAt): old exits are
        // past the undo grace period.
        exitRecordedAt: enteredAt(s.id, s.exitedAt, now, EXIT_LATE),
        exitRecordedBy: null,
        previousStayId: s.previousStay?.id ?? null,
        reentry: s.reentry,
        createdAt: enteredAt(s.id, s.admittedAt, now, ADMISSION_LATE)!,
      })),
    );
    let assignmentId = 0;
    insertAll(
      db,
      schema.bedAssignments,
      plan.stays.flatMap((s) =>
        s.bed === null
          ? []
          : [
              {
                id: ++assignmentId,
                stayId: s.id,
                bedId: s.bed.id,
                fromAt: new Date(s.admittedAt),
                toAt: s.exitedAt === null ? null : new Date(s.exitedAt),
              },
            ],
      ),
    );
    log(`Wrote ${plan.persons.length} persons, ${plan.stays.length} stays (${elapsed()})`);

    insertAll(
      db,
      schema.users,
      DEMO_USERS.map((u, i) => {
        const id = u.panti === null ? null : pantiId.get(u.panti);
        if (id === undefined) throw new Error(`Demo user ${u.username}: no panti ${u.panti}`);
        return {
          id: i + 1,
          username: u.username,
          name: STAFF_NAMES[u.username],
          passwordHash,
          role: u.role,
          pantiId: id,
          outreachUnit: u.outreachUnit ?? null,
          active: true,
          mustChangePassword: false,
          lastLoginAt: null,
          createdAt: setupAt,
        };
      }),
    );
  });

  const referrals = seedPlacements(db, new Date(now));
  log(
    `Wrote ${referrals.historical + referrals.fixture + referrals.pending} referrals (${referrals.pending} waiting) and ` +
      `${referrals.followUps} follow-ups (${elapsed()})`,
  );
  const training = seedProgrammes(db, 20_251, new Date(now));
  log(`Wrote ${training.classes} classes with ${training.enrolments} enrolments (${elapsed()})`);
  const safeguarding = seedSafeguarding(db, new Date(now));
  log(
    `Wrote ${safeguarding.restricted} restricted records, ${safeguarding.incidents} incidents, ` +
      `${safeguarding.reads} case-file reads, ${safeguarding.consents} consents (${elapsed()})`,
  );
  const fkd = seedHandoffs(db, new Date(now));
  log(`Wrote ${fkd.handoffs} FKD-MPU hand-offs and ${fkd.tracingRequests} tracing requests (${elapsed()})`);
  const waiting = seedApprovals(db, new Date(now));
  log(`Wrote ${waiting.approvals} requests waiting for approval (${elapsed()})`);
  const counts = markDemo(db);
  log(`Seed done in ${elapsed()}`);
  const logins = DEMO_USERS.map((u) => ({
    username: u.username,
    role: u.role,
    panti: u.panti,
    password: options.demoPassword,
  }));
  return { logins, counts };
}

/**
 * The seed's audit row, which marks the database as demo data (the banner, and production setup
 * refusing it), with the final counts. Written once, last: audit_log is append-only (a trigger
 * refuses UPDATE and DELETE).
 */
function markDemo(db: Db): Record<string, number> {
  const counts = countRows(db);
  counts.audit_log = (counts.audit_log ?? 0) + 1;
  db.insert(schema.auditLog)
    .values({
      // The one real event here: when the seed ran.
      at: new Date(),
      userId: null,
      action: DEMO_SEED_ACTION,
      entity: "database",
      entityId: null,
      pantiId: null,
      before: null,
      after: counts,
    })
    .run();
  return counts;
}

/** A Jawa Barat instance's demo (db/seed/jabar.ts): the same vocabularies, its own small registry. */
function seedJabarDatabase(db: Db, reference: ReferenceData, now: Date, password: string, log: (message: string) => void): SeedResult {
  const plan = planJabarDemo(now.getTime());
  const passwordHash = hashPassword(password);
  db.transaction(() => {
    insertVocabularies(db, reference);
    insertAll(db, schema.panti, plan.panti);
    insertAll(db, schema.rooms, plan.rooms);
    insertAll(db, schema.beds, plan.beds);
    insertAll(db, schema.persons, plan.persons);
    insertAll(db, schema.stays, plan.stays);
    insertAll(db, schema.bedAssignments, plan.bedAssignments);
    insertAll(db, schema.users, plan.users.map((u) => ({ ...u, passwordHash })));
  });
  log(`Wrote the Jawa Barat demo registry: ${plan.panti.length} panti, ${plan.beds.length} beds, ${plan.persons.length} residents`);
  const counts = markDemo(db);
  return { logins: plan.logins.map((l) => ({ ...l, password })), counts };
}

// ---------------------------------------------------------------------------
// Script
// ---------------------------------------------------------------------------

/** Reads `--scale N` (or `--scale=N`) from the arguments, else SEED_SCALE, else 1. 0 = no history. */
export function scaleFromArgs(args: readonly string[], env = process.env): number {
  let raw: string | undefined = env.SEED_SCALE;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--scale") raw = args[++i];
    else if (arg.startsWith("--scale=")) raw = arg.slice("--scale=".length);
  }
  if (raw === undefined || raw === "") return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 0 || scale > 50) {
    throw new Error(`--scale / SEED_SCALE must be a number of years from 0 to 50, not "${raw}"`);
  }
  return scale;
}

function main(): void {
  const file = databaseFile();
  const scale = scaleFromArgs(process.argv.slice(2));
  const password = process.env.DEMO_PASSWORD || generatePassword();
  const db = openDatabase();
  try {
    const started = performance.now();
    const { logins, counts } = seedDatabase(db, { scale, demoPassword: password, log: console.log });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\nSeeded ${file} with ${scale} year(s) of history in ${seconds} s:`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(22)} ${n}`);
    console.log(`\nDemo logins:\n${formatLogins(logins)}`);
    if (file !== ":memory:") {
      const loginsFile = demoLoginsPath(file);
      writeDemoLogins(loginsFile, logins, file);
      console.log(`\nWritten to ${loginsFile} (mode 0600)`);
    }
  } finally {
    db.$client.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
