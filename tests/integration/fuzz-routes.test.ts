/**
 * Malformed bodies for every action: each route module's action and the JSON API get random
 * bodies (wrong types, huge strings, deep JSON, invalid UTF-8, unknown enum values, duplicated
 * fields, wrong or missing content types, broken multipart, missing or unknown intents, junk in
 * the URL's ids) as Requests, with the session cookies of several roles.
 *
 * Two properties, for every request: the answer is never a 5xx (a thrown Response below 500 is an
 * answer; any other thrown error counts as a 500), and a refused request (status ≥ 400) writes
 * nothing. Writes are counted by temporary triggers on every table of this test's connection,
 * leaving out what a refusal may legitimately record: failed or throttled sign-ins and failed
 * password checks (login_failures and their audit rows) and an API token's "last used" time.
 *
 * The seed is fixed so that a failure reproduces; FUZZ_SEED and FUZZ_RUNS override it.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { psychosocialServices } from "#db/schema";
import { planSchema, PSYCHOSOCIAL_SERVICES } from "~/domain/case-file";
import { recordPlan } from "~/services/case-file.server";
import * as enums from "~/domain/enums";
import { ROLES } from "~/domain/permissions";
import { EXIT_OUTCOMES, OUTREACH_UNITS, PPKS_CATEGORIES, REHABILITATION_STAGES } from "~/domain/reference";
import { createApiToken } from "~/services/api-tokens.server";
import { previewBatch } from "~/services/placement-import.server";
import { createPlacement } from "~/services/placements.server";
import { createClass, enrolResidents } from "~/services/programmes.server";
import { recordSession } from "~/services/psychosocial.server";
import { loader as csvTemplateLoader } from "~/routes/_app.placements.import.template[.]csv";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as setLanguageAction } from "~/routes/set-language";
import { action as accountPasswordAction } from "~/routes/_app.account.password";
import { action as adminApiTokensAction } from "~/routes/_app.admin.api-tokens";
import { action as adminUsersNewAction } from "~/routes/_app.admin.users.new";
import { action as adminUsersUserIdAction } from "~/routes/_app.admin.users.$userId/route";
import { action as classesNewAction } from "~/routes/_app.classes.new";
import { action as classesClassIdIndexAction } from "~/routes/_app.classes.$classId._index";
import { action as classesClassIdAttendanceAction } from "~/routes/_app.classes.$classId.attendance";
import { action as classesClassIdEnrolmentsEnrolmentIdIndexAction } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";
import { action as followUpsAction } from "~/routes/_app.follow-ups";
import { action as approvalsApprovalIdAction } from "~/routes/_app.approvals.$approvalId";
import { action as programmesAction } from "~/routes/_app.programmes";
import { action as pantiPantiIdAction } from "~/routes/_app.panti.$pantiId/route";
import { action as pantiPantiIdSessionsNewAction } from "~/routes/_app.panti.$pantiId_.sessions.new";
import { action as placementsNewAction } from "~/routes/_app.placements.new";
import { action as placementsPlacementIdAction } from "~/routes/_app.placements.$placementId/route";
import { action as placementsImportAction } from "~/routes/_app.placements.import";
import { action as apiV1PlacementsAction } from "~/routes/api.v1.placements";
import { action as apiV1PlacementsRefAction } from "~/routes/api.v1.placements.$ref";
import { action as pantiPantiIdStaysStayIdAssessmentAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.assessment";
import { action as pantiPantiIdStaysStayIdExitAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.exit";
import { action as pantiPantiIdStaysStayIdFamilyAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.family";
import { action as pantiPantiIdStaysStayIdIdentityAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.identity";
import { action as pantiPantiIdStaysStayIdMoveAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.move";
import { action as pantiPantiIdStaysStayIdPlanAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.plan";
import { action as pantiPantiIdStaysStayIdSessionsNewAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.sessions.new";
import { action as pantiPantiIdStaysStayIdStageAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.stage";
import { db } from "~/utils/db.server";
import { cookieFor, createPanti, createResident, createRoom, createUser, referralInput, TEST_PASSWORD, individualSessionInput } from "../factories";
import { classInput, ensureProgrammeReference } from "../factories/programmes";

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Bodies per form route; the API gets three times as many. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const base = "http://127.0.0.1";

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;
type Who = "self" | "leaving" | "dinsos_admin" | "panti_admin" | "instructor" | "psychosocial" | "outreach" | "anonymous" | "forged";

interface World {
  pantiId: number;
  roomId: number;
  loginName: string;
  otherPantiId: number;
  stayIds: number[];
  bedIds: number[];
  classId: number;
  enrolmentIds: number[];
  placementId: number;
  sessionId: number;
  userId: number;
  instructorId: number;
  batchId: number;
  approvalId: number;
  apiToken: string;
  cookies: Record<Who, string>;
}
let world: World;

/** Every route module with an action: its file, and the URL params its path takes. */
interface RouteCase {
  file: string;
  /** Who sends (default: mostly Dinsos, sometimes the other roles or no one). */
  who?: fc.Arbitrary<Who>;
  params: (w: World) => Record<string, string>;
  path: (params: Record<string, string>) => string;
}
const ROUTES: RouteCase[] = [
  // The API first: the token page's fuzzing may revoke the API token later on.
  { file: "api.v1.placements.ts", params: () => ({}), path: () => "/api/v1/placements" },
  { file: "api.v1.placements.$ref.ts", params: () => ({ ref: "REF-1" }), path: (p) => `/api/v1/placements/${p.ref}` },
  { file: "login.tsx", params: () => ({}), path: () => "/login" },
  // Signing out and changing a password act on the sender's own account: a user of their own.
  { file: "logout.tsx", params: () => ({}), path: () => "/logout", who: fc.constantFrom<Who>("leaving", "anonymous", "forged") },
  { file: "set-language.tsx", params: () => ({}), path: () => "/set-language" },
  { file: "_app.account.password.tsx", params: () => ({}), path: () => "/account/password", who: fc.constantFrom<Who>("self", "self", "anonymous") },
  { file: "_app.admin.api-tokens.tsx", params: () => ({}), path: () => "/admin/api-tokens" },
  { file: "_app.admin.users.new.tsx", params: () => ({}), path: () => "/admin/users/new" },
  { file: "_app.admin.users.$userId/route.tsx", params: (w) => ({ userId: String(w.userId) }), path: (p) => `/admin/users/${p.userId}` },
  { file: "_app.classes.new.tsx", params: () => ({}), path: () => "/classes/new" },
  { file: "_app.classes.$classId._index.tsx", params: (w) => ({ classId: String(w.classId) }), path: (p) => `/classes/${p.classId}` },
  { file: "_app.classes.$classId.attendance.tsx", params: (w) => ({ classId: String(w.classId) }), path: (p) => `/classes/${p.classId}/attendance` },
  {
    file: "_app.classes.$classId.enrolments.$enrolmentId._index/route.tsx",
    params: (w) => ({ classId: String(w.classId), enrolmentId: String(w.enrolmentIds[0]) }),
    path: (p) => `/classes/${p.classId}/enrolments/${p.enrolmentId}`,
  },
  { file: "_app.follow-ups.tsx", params: () => ({}), path: () => "/follow-ups" },
  { file: "_app.approvals.$approvalId.tsx", params: (w) => ({ approvalId: String(w.approvalId) }), path: (p) => `/approvals/${p.approvalId}` },
  { file: "_app.programmes.tsx", params: () => ({}), path: () => "/programmes" },
  { file: "_app.panti.$pantiId/route.tsx", params: (w) => ({ pantiId: String(w.pantiId) }), path: (p) => `/panti/${p.pantiId}` },
  { file: "_app.panti.$pantiId_.sessions.new.tsx", params: (w) => ({ pantiId: String(w.pantiId) }), path: (p) => `/panti/${p.pantiId}/sessions/new` },
  // Each case-file page on a resident of its own: an exit on one does not close the others' stay.
  ...["assessment", "exit", "family", "identity", "move", "plan", "sessions.new", "stage"].map((page, i) => ({
    file: `_app.panti.$pantiId_.stays.$stayId.${page}.tsx`,
    params: (w: World) => ({ pantiId: String(w.pantiId), stayId: String(w.stayIds[i + 2]) }),
    path: (p: Record<string, string>) => `/panti/${p.pantiId}/stays/${p.stayId}/${page.replace(".", "/")}`,
  })),
  { file: "_app.placements.new.tsx", params: () => ({}), path: () => "/placements/new" },
  { file: "_app.placements.$placementId/route.tsx", params: (w) => ({ placementId: String(w.placementId) }), path: (p) => `/placements/${p.placementId}` },
  { file: "_app.placements.import.tsx", params: () => ({}), path: () => "/placements/import" },
];

const ROUTES_DIR = path.resolve("app/routes");

const ACTIONS: Record<string, Action> = {
  "login.tsx": loginAction,
  "logout.tsx": logoutAction,
  "set-language.tsx": setLanguageAction,
  "_app.account.password.tsx": accountPasswordAction,
  "_app.admin.api-tokens.tsx": adminApiTokensAction,
  "_app.admin.users.new.tsx": adminUsersNewAction,
  "_app.admin.users.$userId/route.tsx": adminUsersUserIdAction,
  "_app.classes.new.tsx": classesNewAction,
  "_app.classes.$classId._index.tsx": classesClassIdIndexAction,
  "_app.classes.$classId.attendance.tsx": classesClassIdAttendanceAction,
  "_app.classes.$classId.enrolments.$enrolmentId._index/route.tsx": classesClassIdEnrolmentsEnrolmentIdIndexAction,
  "_app.follow-ups.tsx": followUpsAction,
  "_app.approvals.$approvalId.tsx": approvalsApprovalIdAction,
  "_app.programmes.tsx": programmesAction,
  "_app.panti.$pantiId/route.tsx": pantiPantiIdAction,
  "_app.panti.$pantiId_.sessions.new.tsx": pantiPantiIdSessionsNewAction,
  "_app.placements.new.tsx": placementsNewAction,
  "_app.placements.$placementId/route.tsx": placementsPlacementIdAction,
  "_app.placements.import.tsx": placementsImportAction,
  "api.v1.placements.ts": apiV1PlacementsAction,
  "api.v1.placements.$ref.ts": apiV1PlacementsRefAction,
  "_app.panti.$pantiId_.stays.$stayId.assessment.tsx": pantiPantiIdStaysStayIdAssessmentAction,
  "_app.panti.$pantiId_.stays.$stayId.exit.tsx": pantiPantiIdStaysStayIdExitAction,
  "_app.panti.$pantiId_.stays.$stayId.family.tsx": pantiPantiIdStaysStayIdFamilyAction,
  "_app.panti.$pantiId_.stays.$stayId.identity.tsx": pantiPantiIdStaysStayIdIdentityAction,
  "_app.panti.$pantiId_.stays.$stayId.move.tsx": pantiPantiIdStaysStayIdMoveAction,
  "_app.panti.$pantiId_.stays.$stayId.plan.tsx": pantiPantiIdStaysStayIdPlanAction,
  "_app.panti.$pantiId_.stays.$stayId.sessions.new.tsx": pantiPantiIdStaysStayIdSessionsNewAction,
  "_app.panti.$pantiId_.stays.$stayId.stage.tsx": pantiPantiIdStaysStayIdStageAction,
};

/** The source of a route module; a folder route's own `.server` modules (its loader and action) and sections (its forms) with it. */
function routeSource(file: string): string {
  const folder = path.dirname(file);
  const sections = path.join(ROUTES_DIR, folder, "sections");
  const own = file.endsWith("/route.tsx") ? fs.readdirSync(path.join(ROUTES_DIR, folder)).filter((f) => f.endsWith(".server.ts")).map((f) => path.join(folder, f)) : [];
  const files = [file, ...own, ...(file.endsWith("/route.tsx") && fs.existsSync(sections) ? fs.readdirSync(sections).map((f) => path.join(folder, "sections", f)) : [])];
  return files.map((f) => fs.readFileSync(path.join(ROUTES_DIR, f), "utf8")).join("\n");
}

/** Field names, intents and option values a route's source mentions: the fuzzer's vocabulary. */
function vocabulary(file: string) {
  const source = routeSource(file);
  const all = (re: RegExp) => [...source.matchAll(re)].map((m) => m[1]!);
  const names = new Set([
    ...all(/name="([^"]+)"/g),
    ...all(/\b(?:register|field|error|errorFor|invalid|watch)\("([^"]+)"/g),
    ...all(/formData\.get\("([^"]+)"\)/g),
    "intent",
    "redirectTo",
  ]);
  const values = new Set([
    ...all(/value="([^"]+)"/g),
    ...all(/intent === "([^"]+)"/g),
    ...all(/intent: "([^"]+)"/g),
    ...all(/case "([^"]+)":/g),
  ]);
  return { names: [...names], values: [...values] };
}

// ---------------------------------------------------------------------------------------------
// Good bodies, one or more per route: the fuzzer spoils them
// ---------------------------------------------------------------------------------------------

type Fields = [string, string][];

function goodBodies(w: World, file: string): Fields[] {
  const stay = (i: number) => String(w.stayIds[i]);
  const at = "2026-03-05T10:00";
  const on = "2026-03-05";
  const bodies: Record<string, Fields[]> = {
    "login.tsx": [[["username", w.loginName], ["password", TEST_PASSWORD], ["redirectTo", "/home"]]],
    "set-language.tsx": [[["lang", "en"], ["redirectTo", "/home"]]],
    "_app.account.password.tsx": [[["currentPassword", TEST_PASSWORD], ["newPassword", "kopi tubruk pagi"], ["confirmPassword", "kopi tubruk pagi"]]],
    "_app.admin.api-tokens.tsx": [[["intent", "create"], ["outreachUnit", "sudin_jakbar"], ["name", "Aplikasi Uji"]], [["intent", "revoke"], ["tokenId", "1"]]],
    "_app.admin.users.new.tsx": [[["username", "orang.baru"], ["name", "Orang Baru"], ["role", "instructor"], ["pantiId", String(w.pantiId)]]],
    "_app.admin.users.$userId/route.tsx": [
      [["intent", "update"], ["name", "Nama Baru"], ["role", "panti_admin"], ["pantiId", String(w.otherPantiId)], ["version", "1"]],
      [["intent", "reset-password"]],
      [["intent", "deactivate"]],
      [["intent", "reactivate"]],
    ],
    "_app.classes.new.tsx": [
      [
        ["pantiId", String(w.pantiId)],
        ["programmeCode", "komputer"],
        ["name", "Kelas Uji Baru"],
        ["instructorIds", String(w.instructorId)],
        ["scheduleDays", "1"],
        ["scheduleDays", "3"],
        ["startTime", "08:00"],
        ["endTime", "11:00"],
        ["startDate", "2026-03-02"],
        ["endDate", "2026-06-26"],
        ["capacity", "10"],
      ],
    ],
    "_app.classes.$classId._index.tsx": [[["intent", "enrol"], ["stayIds", stay(1)]], [["intent", "finish"]]],
    "_app.classes.$classId.attendance.tsx": [[["date", "2026-03-04"], [`mark.${w.enrolmentIds[0]}`, "hadir"], [`mark.${w.enrolmentIds[1]}`, "alpa"]]],
    "_app.classes.$classId.enrolments.$enrolmentId._index/route.tsx": [
      [["intent", "progress"], ["moduleId", "1"], ["status", "competent"], ["score", "90"], ["assessedOn", on]],
      [["intent", "complete"]],
      [["intent", "outcome"], ["outcome", "working"], ["outcomeNotes", "Bengkel komputer"]],
      [["intent", "withdraw"], ["reason", "Pindah ke panti lain"]],
    ],
    "_app.approvals.$approvalId.tsx": [[["intent", "approve"]], [["intent", "reject"], ["reason", "Tujuan belum jelas"]]],
    "_app.follow-ups.tsx": [[["intent", "follow-up"], ["followUpId", "1"], ["contactedAt", at], ["channel", "phone"], ["result", "stable"]]],
    "_app.programmes.tsx": [
      [["intent", "add-module"], ["programmeCode", "las"], ["code", "las_pipa"], ["nameId", "Las pipa"], ["nameEn", "Pipe welding"]],
      [["intent", "rename-module"], ["moduleId", "1"], ["nameId", "Modul baru"], ["nameEn", "New module"]],
      [["intent", "set-active"], ["moduleId", "1"], ["active", "false"]],
    ],
    "_app.panti.$pantiId/route.tsx": [
      [["intent", "add-room"], ["name", "Ruang Baru"], ["sex", "mixed"], ["bedCount", "2"], ["labelPrefix", "T"]],
      [["intent", "add-beds"], ["roomId", String(w.roomId)], ["bedCount", "2"]],
      [["intent", "bed-status"], ["bedId", String(w.bedIds[12])], ["status", "out_of_service"], ["expectedStatus", "available"], ["reason", "Kasur rusak"]],
    ],
    "_app.panti.$pantiId_.sessions.new.tsx": [
      [["serviceCode", "bimbingan_sosial"], ["mode", "group"], ["providerName", "Petugas Uji"], ["sessionAt", at], ["durationMinutes", "30"], ["summary", "Bimbingan kelompok"], ["stayIds", stay(0)], ["stayIds", stay(1)]],
    ],
    "_app.panti.$pantiId_.stays.$stayId.assessment.tsx": [[["assessedOn", on], ["problems", "Tidak punya tempat tinggal"], ["cluster", "light"]]],
    "_app.panti.$pantiId_.stays.$stayId.exit.tsx": [[["intent", "exit"], ["outcome", "absconded"], ["exitedAt", at]], [["intent", "undo-exit"]]],
    "_app.panti.$pantiId_.stays.$stayId.family.tsx": [
      [["intent", "contact"], ["name", "Slamet"], ["relation", "Kakak"], ["phone", "0812345678"]],
      [["intent", "attempt"], ["attemptedAt", at], ["channel", "phone"], ["result", "no_answer"]],
    ],
    "_app.panti.$pantiId_.stays.$stayId.identity.tsx": [[["document", "nik"], ["status", "issued"], ["stepOn", on], ["number", "3174011501800003"], ["name", "Slamet"]]],
    "_app.panti.$pantiId_.stays.$stayId.move.tsx": [
      [["intent", "move"], ["bed", String(w.bedIds[13])]],
      [["intent", "transfer"], ["toPantiId", String(w.otherPantiId)], ["reason", "Lebih dekat dengan keluarga"]],
    ],
    "_app.panti.$pantiId_.stays.$stayId.plan.tsx": [
      [["intent", "plan"], ["createdOn", on], ["goals.0.goal", "Mandiri"], ["goals.0.intervention", "Latihan kerja"], ["goals.0.targetDate", "2026-06-01"]],
      [["intent", "review"], ["planId", "1"], ["reviewedOn", on], ["notes", "Ada kemajuan"], ["goals.0.status", "achieved"]],
    ],
    "_app.panti.$pantiId_.stays.$stayId.sessions.new.tsx": [
      [["serviceCode", "konseling_individu"], ["mode", "individual"], ["providerName", "Petugas Uji"], ["sessionAt", at], ["durationMinutes", "45"], ["summary", "Sesi baik"], ["stayIds", stay(7)]],
    ],
    "_app.panti.$pantiId_.stays.$stayId.stage.tsx": [[["from", "pendekatan_awal"], ["to", "asesmen"]], [["from", "asesmen"], ["to", "pendekatan_awal"], ["reason", "Perlu asesmen ulang"]]],
    "_app.placements.new.tsx": [
      [
        ["outreachUnit", "sudin_jakbar"],
        ["officerName", "Rudi Hartono"],
        ["foundAt", at],
        ["foundKota", "Jakarta Barat"],
        ["reachMethod", "patrol"],
        ["personName", "Orang Uji"],
        ["sex", "male"],
        ["estimatedAge", "40"],
        ["ppksCategory", "gelandangan"],
        ["assessmentSummary", "Tidur di kolong jembatan, sehat."],
        ["targetPantiId", String(w.pantiId)],
      ],
    ],
    "_app.placements.$placementId/route.tsx": [
      [["intent", "accept"], ["bed", "overflow"]],
      [["intent", "accept"], ["bed", String(w.bedIds[11])], ["person", "new"]],
      [["intent", "decline"], ["reason", "Panti sedang penuh"]],
      [["intent", "redirect"], ["toPantiId", String(w.otherPantiId)], ["reason", "Lebih sesuai"]],
      [["intent", "cancel"], ["reason", "Salah input"]],
    ],
    "_app.placements.import.tsx": [[["intent", "import"], ["batchId", String(w.batchId)]], [["intent", "discard"], ["batchId", String(w.batchId)]]],
  };
  return bodies[file] ?? [];
}

/** A good body with a few things done to it: a value replaced, a field dropped, doubled or added. */
function spoiltGoodArb(w: World, good: Fields[], vocab: { names: string[]; values: string[] }): fc.Arbitrary<Fields> {
  const change = fc.tuple(fc.constantFrom("replace", "replace", "drop", "double", "add"), fc.nat(), valueArb(w, vocab.values), fc.constantFrom(...vocab.names));
  return fc.tuple(fc.nat({ max: good.length - 1 }), fc.array(change, { maxLength: 3 })).map(([which, changes]) => {
    const fields: Fields = good[which]!.map(([k, v]) => [k, v]);
    for (const [kind, at, value, name] of changes) {
      const i = fields.length ? at % fields.length : 0;
      if (kind === "replace" && fields[i]) fields[i] = [fields[i]![0], value];
      if (kind === "drop") fields.splice(i, 1);
      if (kind === "double" && fields[i]) fields.push([fields[i]![0], value]);
      if (kind === "add") fields.push([name, value]);
    }
    return fields;
  });
}

// ---------------------------------------------------------------------------------------------
// Random bodies
// ---------------------------------------------------------------------------------------------

const REFERENCE_CODES = [
  ...PPKS_CATEGORIES.map((c) => c.code),
  ...OUTREACH_UNITS.map((u) => u.code),
  ...EXIT_OUTCOMES.map((o) => o.code),
  ...REHABILITATION_STAGES.map((s) => s.code),
  TEST_PASSWORD,
  "hadir",
  "alpa",
  "male",
  "female",
  "overflow",
];

/** The app's enumerations by a lower-case singular name: REACH_METHODS → "reachmethod". */
const ENUMS = new Map<string, string[]>([
  ...Object.entries(enums as Record<string, unknown>)
    .filter((entry): entry is [string, readonly unknown[]] => Array.isArray(entry[1]))
    .map(([key, list]) => [key.toLowerCase().replace(/_/g, "").replace(/(es|s)$/, ""), list.filter((v): v is string => typeof v === "string")] as [string, string[]]),
  ["ppkscategory", PPKS_CATEGORIES.map((c) => c.code)],
  ["outreachunit", OUTREACH_UNITS.map((u) => u.code)],
  ["outcome", EXIT_OUTCOMES.map((o) => o.code)],
  ["stage", REHABILITATION_STAGES.map((s) => s.code)],
  ["from", REHABILITATION_STAGES.map((s) => s.code)],
  ["to", REHABILITATION_STAGES.map((s) => s.code)],
  ["role", [...ROLES]],
  ["servicecode", PSYCHOSOCIAL_SERVICES.map((s) => s.code)],
]);

/** The enumeration values a field of this name probably takes. */
function enumValuesFor(name: string): string[] {
  const key = name.toLowerCase().replace(/[^a-z]/g, "");
  if (key.length < 2) return [];
  return [...ENUMS.entries()].filter(([e]) => e === key || e.endsWith(key) || key.endsWith(e)).flatMap(([, values]) => values);
}

function idValues(w: World): string[] {
  return [w.pantiId, w.otherPantiId, w.classId, w.placementId, w.sessionId, w.userId, w.batchId, ...w.stayIds, ...w.bedIds, ...w.enrolmentIds].map(String);
}

const hugeString = fc.oneof(
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => "é😀".repeat(n)),
);
const weirdString = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "null", "undefined", "true", "[]", "{}", "-1", "0", "1.5", "1e309", "NaN", "Infinity", "0x10", "99999999999999999999"),
  fc.constantFrom("2026-02-30", "2026-13-01", "9999-12-31T99:99", "0000-00-00", "2026-03-05T10:00", "2026-03-05", "25:61", "08:00"),
  fc.constantFrom("<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\ud800", "\udfff", "a\u202eb", "\r\n\r\n"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

function valueArb(w: World, values: string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...values, ...REFERENCE_CODES) },
    { weight: 3, arbitrary: fc.constantFrom(...idValues(w)) },
    { weight: 4, arbitrary: weirdString },
    { weight: 1, arbitrary: hugeString },
  );
}

function fieldsArb(w: World, vocab: { names: string[]; values: string[] }) {
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...vocab.names) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "mark.1", `mark.${w.enrolmentIds[0]}`, "stayIds[]", "a[]", "") },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  // Duplicated fields come from repeated names; "intent" is sometimes missing, sometimes unknown.
  return fc.array(fc.tuple(name, valueArb(w, vocab.values)), { minLength: 0, maxLength: 14 });
}

/** A value that looks right for a field of that name (most bodies should get past the first check). */
function plausibleArb(w: World, name: string, values: string[]): fc.Arbitrary<string> {
  const ids = fc.constantFrom(...idValues(w));
  if (/password/i.test(name)) return fc.constantFrom(TEST_PASSWORD, "kata-sandi-baru-123", "short");
  if (/Ids?$|Id\]$|^id$|^mark\./.test(name)) return /^mark\./.test(name) ? fc.constantFrom("hadir", "alpa", "izin") : ids;
  if (/At$/.test(name)) return fc.constantFrom("2026-03-05T10:00", "2026-03-09T08:30", "2025-12-31T23:59");
  if (/[dD]ate$|On$|^date/.test(name)) return fc.constantFrom("2026-03-05", "2026-03-09", "2026-06-30");
  if (/[tT]ime$/.test(name)) return fc.constantFrom("08:00", "11:00", "13:30");
  if (/capacity|count|[mM]inutes|[aA]ge$|[sS]core|[nN]umber|[dD]ays|[cC]ount/.test(name)) return fc.integer({ min: 0, max: 60 }).map(String);
  if (name === "intent") return values.length ? fc.constantFrom(...values) : fc.constant("");
  const known = enumValuesFor(name);
  if (known.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constantFrom(...values, "tidak_dikenal") });
  return fc.oneof(fc.constantFrom(...values, ...REFERENCE_CODES), fc.constantFrom("Catatan uji yang cukup panjang", "Budi", "ya", "on", "true"));
}

/** Every field the route knows, each with a plausible value, then one or two of them spoilt. */
function plausibleFieldsArb(w: World, vocab: { names: string[]; values: string[] }): fc.Arbitrary<[string, string][]> {
  const fields = fc.tuple(...vocab.names.map((name) => fc.option(plausibleArb(w, name, vocab.values), { freq: 5 }).map((v) => [name, v] as const)));
  const spoil = fc.array(fc.tuple(fc.nat(), valueArb(w, vocab.values)), { maxLength: 2 });
  return fc.tuple(fields, spoil, fc.constantFrom(...vocab.values, "")).map(([all, spoilt, intent]) => {
    const out = all.filter((f): f is readonly [string, string] => f[1] !== null).map(([k, v]) => [k, v] as [string, string]);
    if (intent) out.push(["intent", intent]);
    for (const [at, value] of spoilt) if (out.length) out[at % out.length]![1] = value;
    return out;
  });
}

const deepJson = fc.integer({ min: 100, max: 20_000 }).chain((depth) =>
  fc.constantFrom("[".repeat(depth) + "]".repeat(depth), '{"a":'.repeat(depth) + "1" + "}".repeat(depth), "[".repeat(depth)),
);

/** A body: its bytes and the Content-Type to send them with (null: no header). */
interface Body {
  kind: string;
  contentType: string | null;
  bytes: Uint8Array | string | FormData;
}

function encodeUrl(fields: [string, string][]): string {
  return new URLSearchParams(fields).toString();
}

function bodyArb(w: World, file: string, vocab: { names: string[]; values: string[] }): fc.Arbitrary<Body> {
  const fields = fieldsArb(w, vocab);
  const urlencoded = "application/x-www-form-urlencoded";
  const good = goodBodies(w, file);
  const spoiltGood = good.length ? spoiltGoodArb(w, good, vocab) : plausibleFieldsArb(w, vocab);
  return fc.oneof(
    { weight: 12, arbitrary: spoiltGood.map((f): Body => ({ kind: "good body spoilt", contentType: urlencoded, bytes: encodeUrl(f) })) },
    { weight: 8, arbitrary: plausibleFieldsArb(w, vocab).map((f): Body => ({ kind: "plausible", contentType: urlencoded, bytes: encodeUrl(f) })) },
    { weight: 6, arbitrary: fields.map((f): Body => ({ kind: "urlencoded", contentType: urlencoded, bytes: encodeUrl(f) })) },
    {
      weight: 2,
      arbitrary: fields.map((f): Body => {
        const form = new FormData();
        for (const [k, v] of f) form.append(k, v);
        return { kind: "multipart", contentType: null, bytes: form };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fields, fc.uint8Array({ minLength: 1, maxLength: 30 })).map(([f, raw]): Body => {
        const text = new TextEncoder().encode(encodeUrl(f) + "&x=");
        return { kind: "invalid utf-8", contentType: urlencoded, bytes: new Uint8Array([...text, 0xff, 0xfe, ...raw, 0xc3]) };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fields, fc.constantFrom("truncated", "no boundary", "wrong boundary", "no headers", "garbage"))
        .map(([f, how]): Body => {
          const parts = f.map(([k, v]) => `--b0undary\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("");
          const complete = parts + "--b0undary--\r\n";
          const texts: Record<string, [string, string]> = {
            truncated: ["multipart/form-data; boundary=b0undary", complete.slice(0, Math.max(1, complete.length - 12))],
            "no boundary": ["multipart/form-data", complete],
            "wrong boundary": ["multipart/form-data; boundary=other", complete],
            "no headers": ["multipart/form-data; boundary=b0undary", "--b0undary\r\n\r\nvalue\r\n--b0undary--\r\n"],
            garbage: ["multipart/form-data; boundary=b0undary", "\u0000\u0001garbage--b0undary"],
          };
          const [contentType, text] = texts[how]!;
          return { kind: `broken multipart (${how})`, contentType, bytes: text };
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(null, "text/plain", "application/json", "application/xml", "application/octet-stream", "multipart/mixed; boundary=x", "x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=latin1"), fields)
        .map(([contentType, f]): Body => ({ kind: `content type ${contentType ?? "(none)"}`, contentType, bytes: contentType?.includes("json") ? JSON.stringify(Object.fromEntries(f)) : encodeUrl(f) })),
    },
    { weight: 1, arbitrary: deepJson.map((text): Body => ({ kind: "deep JSON as a form", contentType: urlencoded, bytes: text })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(1_100_000, 3_000_000).map((n): Body => ({ kind: `huge body (${n} bytes)`, contentType: urlencoded, bytes: `intent=${"a".repeat(n)}` })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 2_001, max: 5_000 }).map((n): Body => ({ kind: `${n} fields`, contentType: urlencoded, bytes: Array.from({ length: n }, (_, i) => `f${i}=1`).join("&") })),
    },
  );
}

/** JSON bodies for the API: random JSON, deep JSON, a valid referral with one field spoilt. */
function apiBodyArb(w: World): fc.Arbitrary<Body> {
  const json = "application/json";
  const valid = {
    externalRef: "REF-FUZZ",
    officerName: "Rudi Hartono",
    foundAt: "2026-03-02T21:15:00+07:00",
    reachMethod: "patrol",
    personName: "Orang Uji",
    sex: "male",
    estimatedAge: 40,
    ppksCategory: "gelandangan",
    assessmentSummary: "Tidur di kolong jembatan, sehat.",
    targetPantiId: w.pantiId,
  };
  const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), weirdString, hugeString, fc.constantFrom(...REFERENCE_CODES), fc.integer(), fc.double());
  const spoilt = fc
    .tuple(fc.constantFrom(...Object.keys(valid), "unknownField", "__proto__", "constructor", "disabilitySubtypes", "unidentified", "nik", "birthDate"), anyValue, fc.boolean())
    .map(([key, value, withRef]) => {
      const body: Record<string, unknown> = { ...valid, externalRef: withRef ? valid.externalRef : `REF-${String(value).slice(0, 20)}` };
      Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(body);
    });
  return fc.oneof(
    { weight: 4, arbitrary: spoilt.map((text): Body => ({ kind: "spoilt referral", contentType: json, bytes: text })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v): Body => ({ kind: "random JSON", contentType: json, bytes: JSON.stringify(v) ?? "null" })) },
    { weight: 1, arbitrary: deepJson.map((text): Body => ({ kind: "deep JSON", contentType: json, bytes: text })) },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: 0, maxLength: 50 }).map((raw): Body => ({ kind: "invalid utf-8", contentType: json, bytes: new Uint8Array([0x7b, 0x22, 0xff, ...raw]) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(null, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/jsonx", "APPLICATION/JSON")
        .map((contentType): Body => ({ kind: `content type ${contentType ?? "(none)"}`, contentType, bytes: JSON.stringify(valid) })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: "huge body", contentType: json, bytes: JSON.stringify({ ...valid, assessmentSummary: "x".repeat(70_000) }) }) },
  );
}

const junkId = fc.constantFrom("abc", "-1", "0", "1.5", "99999999999999999999", "1e3", " 1", "%00", "");

// ---------------------------------------------------------------------------------------------
// Sending and judging
// ---------------------------------------------------------------------------------------------

function requestFor(route: RouteCase, params: Record<string, string>, body: Body, headers: Record<string, string>): Request {
  const h = new Headers(headers);
  if (body.contentType !== null) h.set("Content-Type", body.contentType);
  let payload: BodyInit = body.bytes as BodyInit;
  if (body.contentType === null && !(body.bytes instanceof FormData)) {
    // No Content-Type at all: a Blob without a type sends none.
    payload = new Blob([body.bytes as BlobPart]);
  }
  return new Request(base + route.path(params), { method: "POST", headers: h, body: payload });
}

/** The status a user would get: thrown Responses count, any other thrown error is a 500. */
async function statusOf(run: () => Promise<unknown>): Promise<{ status: number; error?: unknown; fields?: string[] }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status };
    const r = result as { type?: string; init?: { status?: number } | null; data?: { errors?: Record<string, unknown> } } | null;
    if (r && r.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, fields: Object.keys(r.data?.errors ?? {}) };
    return { status: 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status };
    return { status: 500, error: thrown };
  }
}

let writeCount: () => number;

/** Audit rows a refusal writes by design: failed and throttled sign-ins, failed password checks. */
const RECORDED_REFUSALS = ["auth.sign_in_failed", "auth.sign_in_throttled", "user.change_password_failed"];

/** Temporary triggers on every table of this connection count the rows a request writes. */
function installWriteCounter() {
  const raw = db.$client;
  raw.exec("CREATE TEMP TABLE fuzz_writes (tbl TEXT NOT NULL, op TEXT NOT NULL)");
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    if (table === "login_failures") continue; // failed sign-ins and password checks are recorded, by design
    for (const op of ["INSERT", "UPDATE", "DELETE"] as const) {
      let event: string = op;
      let when = "";
      if (table === "audit_log" && op === "INSERT") when = `WHEN NEW.action NOT IN (${RECORDED_REFUSALS.map((a) => `'${a}'`).join(", ")})`;
      if (table === "api_tokens" && op === "UPDATE") {
        const columns = (raw.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((c) => c !== "last_used_at");
        event = `UPDATE OF ${columns.map((c) => `"${c}"`).join(", ")}`;
      }
      raw.exec(
        `CREATE TEMP TRIGGER "fuzz_${table}_${op}" AFTER ${event} ON main."${table}" ${when} ` +
          `BEGIN INSERT INTO fuzz_writes VALUES ('${table}', '${op}'); END`,
      );
    }
  }
  const count = raw.prepare("SELECT count(*) FROM fuzz_writes").pluck();
  writeCount = () => count.get() as number;
}

interface Finding {
  route: string;
  who: Who;
  kind: string;
  status: number;
  problem: string;
  sample: string;
}

const stats = { requests: 0, fiveHundreds: 0, byStatus: new Map<number, number>(), byRoute: new Map<string, Map<number, number>>() };
const findings: Finding[] = [];
const fieldTally = new Map<string, Map<string, number>>();

function sampleOf(request: Body): string {
  const b = request.bytes;
  const text = b instanceof FormData ? [...b.entries()].map(([k, v]) => `${k}=${String(v)}`).join("&") : typeof b === "string" ? b : `bytes(${b.length})`;
  return text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
}

async function fire(route: RouteCase, action: Action, who: Who, params: Record<string, string>, body: Body) {
  const headers: Record<string, string> = {};
  const cookie = world.cookies[who];
  if (cookie) headers.Cookie = cookie;
  if (route.file.startsWith("api.")) {
    if (who !== "anonymous") headers.Authorization = who === "forged" ? "Bearer pnt_forged_token" : `Bearer ${world.apiToken}`;
    headers["Accept-Language"] = who === "outreach" ? "id" : "en";
  }
  const before = writeCount();
  const request = requestFor(route, params, body, headers);
  const { status, error, fields } = await statusOf(() => action({ request, params, context: { clientAddress: "10.9.8.7" } }));
  const written = writeCount() - before;
  stats.requests++;
  if (process.env.FUZZ_VERBOSE && fields?.length) {
    const of = fieldTally.get(route.file) ?? new Map<string, number>();
    for (const f of fields) of.set(f, (of.get(f) ?? 0) + 1);
    fieldTally.set(route.file, of);
  }
  stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
  const ofRoute = stats.byRoute.get(route.file) ?? new Map<number, number>();
  stats.byRoute.set(route.file, ofRoute.set(status, (ofRoute.get(status) ?? 0) + 1));
  const base = { route: route.file, who, kind: body.kind, status, sample: sampleOf(body) };
  if (status >= 500) {
    stats.fiveHundreds++;
    findings.push({ ...base, problem: error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : `status ${status}` });
  } else if (status >= 400 && written > 0) {
    findings.push({ ...base, problem: `refused with ${status} but wrote ${written} row(s)` });
  }
}

// ---------------------------------------------------------------------------------------------
// The world and the run
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  ensureProgrammeReference();
  db.insert(psychosocialServices).values(PSYCHOSOCIAL_SERVICES.map((s) => ({ ...s }))).onConflictDoNothing().run();

  const p = createPanti({ type: "youth" });
  const other = createPanti();
  const { room, beds } = createRoom(p.id, 14);
  const residents = Array.from({ length: 10 }, (_, i) => createResident(p.id, i < 7 ? beds[i]!.id : null));
  const admin = createUser("dinsos_admin");
  const pantiAdmin = createUser("panti_admin", p.id);
  const instructor = createUser("instructor", p.id);
  const psych = createUser("psychosocial", p.id);
  const outreach = createUser("outreach", null, "sudin_jakbar");
  const editable = createUser("panti_admin", other.id);
  const self = createUser("dinsos_admin");
  const leaving = createUser("dinsos_viewer");

  const cls = createClass(
    admin.actor,
    classInput([instructor.id], { pantiId: String(p.id), name: "Komputer Angkatan Uji" }),
    new Date("2026-03-01T03:00:00Z"),
  );
  const { enrolmentIds } = enrolResidents(admin.actor, cls.id, residents.slice(0, 2).map((r) => r.stay.id), new Date("2026-03-01T03:00:00Z"));
  const placement = createPlacement(outreach.actor, referralInput(p.id));
  const { sessionId } = recordSession(
    psych.actor,
    { pantiId: p.id, stayId: residents[0]!.stay.id },
    individualSessionInput(residents[0]!.stay.id),
  );
  const template = (await csvTemplateLoader({ request: new Request(`${base}/placements/import/template.csv`, { headers: { Cookie: await cookieFor(outreach.username) } }), params: {}, context: {} })) as Response;
  const batch = await previewBatch(outreach.actor, { fileName: "template.csv", bytes: new Uint8Array(await template.arrayBuffer()) });
  const { secret } = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Aplikasi Uji" });
  const { approvalId } = recordPlan(
    psych.actor,
    { pantiId: p.id, stayId: residents[0]!.stay.id },
    planSchema.parse({ createdOn: "2026-01-20", "goals.0.goal": "Mandiri", "goals.0.intervention": "Bimbingan", "goals.0.targetDate": "2026-06-01" }),
  );

  world = {
    pantiId: p.id,
    roomId: room.id,
    loginName: createUser("panti_admin", p.id).username,
    otherPantiId: other.id,
    stayIds: residents.map((r) => r.stay.id),
    bedIds: beds.map((b) => b.id),
    classId: cls.id,
    enrolmentIds,
    placementId: placement.id,
    sessionId,
    userId: editable.id,
    instructorId: instructor.id,
    batchId: batch.batchId,
    approvalId,
    apiToken: secret,
    cookies: {
      self: await cookieFor(self.username),
      leaving: await cookieFor(leaving.username),
      dinsos_admin: await cookieFor(admin.username),
      panti_admin: await cookieFor(pantiAdmin.username),
      instructor: await cookieFor(instructor.username),
      psychosocial: await cookieFor(psych.username),
      outreach: await cookieFor(outreach.username),
      anonymous: "",
      forged: "__panti_session=forged.value; panti_lang=ImVuIg%3D%3D",
    },
  };
  installWriteCounter();
});

const whoArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Who>("dinsos_admin") },
  { weight: 1, arbitrary: fc.constantFrom<Who>("panti_admin", "instructor", "psychosocial", "outreach", "anonymous", "forged") },
);

describe("fuzzing every action with malformed bodies", () => {
  it("never answers 5xx, and a refused request writes nothing", async () => {
    const started = performance.now();
    for (const [index, route] of ROUTES.entries()) {
      const action = ACTIONS[route.file];
      if (!action) throw new Error(`no action imported for ${route.file}`);
      const isApi = route.file.startsWith("api.");
      const body = isApi ? apiBodyArb(world) : bodyArb(world, route.file, vocabulary(route.file));
      const params = fc.oneof(
        { weight: 5, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: junkId },
      ).map((junk) => {
        const p = route.params(world);
        if (junk !== null) for (const key of Object.keys(p)) p[key] = junk;
        return p;
      });
      const who = route.who ?? (isApi ? fc.constantFrom<Who>("outreach", "outreach", "outreach", "anonymous", "forged") : whoArb);
      await fc.assert(
        fc.asyncProperty(who, params, body, async (w, p, b) => {
          await fire(route, action, w, p, b);
        }),
        { seed: SEED * 1000 + index, numRuns: isApi ? RUNS * 3 : RUNS, endOnFailure: true },
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const tally = (m: Map<number, number>) => [...m.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
    const statuses = tally(stats.byStatus);
    if (process.env.FUZZ_VERBOSE) {
      for (const [file, m] of stats.byRoute) {
        const fields = [...(fieldTally.get(file) ?? new Map<string, number>()).entries()].map(([f, n]) => `${f}:${n}`).join(" ");
        console.log(`  ${file}: ${tally(m)}\n      refused fields: ${fields}`);
      }
    }
    console.log(`fuzz: ${stats.requests} requests to ${ROUTES.length} actions in ${seconds} s, ${stats.fiveHundreds} 5xx; statuses ${statuses}`);
    for (const f of findings.slice(0, 40)) console.log(`  ${f.route} as ${f.who} [${f.kind}] → ${f.status}: ${f.problem}\n    ${f.sample}`);
    expect(stats.requests).toBeGreaterThan(ROUTES.length * RUNS);
    expect(findings).toEqual([]);
  }, 120_000);
});
