/**
 * Who may open which page and do what: every role × every case-file page and action, answered
 * through the route loaders and actions themselves with signed session cookies.
 *
 * Outcomes: 200 (the page), 302 (done, redirected), 403 (the role may not), 404 (the record is
 * another panti's: not theirs to know about), "login" (anonymous: sent to sign in), and for the
 * session page "note" (200 with the confidential note) or "hidden" (200 without it).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, psychosocialServices } from "#db/schema";
import { PSYCHOSOCIAL_SERVICES } from "~/domain/case-file";
import { recordSession } from "~/services/psychosocial.server";
import { loader as caseFileLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { action as newSessionAction, loader as newSessionLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.sessions.new";
import { loader as sessionLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.sessions.$sessionId";
import { action as stageAction, loader as stageLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.stage";
import { loader as assessmentLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.assessment";
import { loader as residentsLoader } from "~/routes/_app.panti.$pantiId_.residents";
import { loader as sessionsLoader } from "~/routes/_app.panti.$pantiId_.sessions._index";
import { loader as groupSessionLoader } from "~/routes/_app.panti.$pantiId_.sessions.new";
import { loader as pantiLoader } from "~/routes/_app.panti.$pantiId/route";
import { loader as exitLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.exit";
import { loader as moveLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.move";
import { db } from "~/utils/db.server";
import { cookieFor, createPanti, createResident, createRoom, createUser, individualSessionInput } from "../factories";

const NOTE = "Catatan rahasia matriks akses: jangan bocor";

type Who =
  | "anonymous"
  | "dinsos_admin"
  | "dinsos_viewer"
  | "panti_admin (own)"
  | "panti_admin (other)"
  | "instructor"
  | "psychosocial (own)"
  | "psychosocial (other)"
  | "outreach";
type Outcome = 200 | 302 | 403 | 404 | "login" | "note" | "hidden";

const WHO: Who[] = [
  "anonymous",
  "dinsos_admin",
  "dinsos_viewer",
  "panti_admin (own)",
  "panti_admin (other)",
  "instructor",
  "psychosocial (own)",
  "psychosocial (other)",
  "outreach",
];

interface World {
  pantiId: number;
  stayId: number;
  sessionId: number;
  bedsLeft: number[];
  cookies: Record<Who, string>;
}
let world: World;

beforeAll(async () => {
  db.insert(psychosocialServices)
    .values(PSYCHOSOCIAL_SERVICES.map((s) => ({ ...s })))
    .onConflictDoNothing()
    .run();
  const own = createPanti({ type: "mental" });
  const other = createPanti();
  const { beds } = createRoom(own.id, 12);
  const { stay } = createResident(own.id, beds[0]!.id);
  const users: Record<Exclude<Who, "anonymous">, { username: string }> = {
    dinsos_admin: createUser("dinsos_admin"),
    dinsos_viewer: createUser("dinsos_viewer"),
    "panti_admin (own)": createUser("panti_admin", own.id),
    "panti_admin (other)": createUser("panti_admin", other.id),
    instructor: createUser("instructor", own.id),
    "psychosocial (own)": createUser("psychosocial", own.id),
    "psychosocial (other)": createUser("psychosocial", other.id),
    outreach: createUser("outreach", null, "sudin_jakbar"),
  };
  const psych = createUser("psychosocial", own.id);
  const { sessionId } = recordSession(
    psych.actor,
    { pantiId: own.id, stayId: stay.id },
    individualSessionInput(stay.id, NOTE),
  );
  const cookies = { anonymous: "" } as Record<Who, string>;
  for (const [who, user] of Object.entries(users)) cookies[who as Who] = await cookieFor(user.username);
  world = { pantiId: own.id, stayId: stay.id, sessionId, bedsLeft: beds.slice(1).map((b) => b.id), cookies };
});

const base = "http://127.0.0.1";

function get(path: string, cookie: string) {
  return new Request(base + path, { headers: cookie ? { Cookie: cookie } : {} });
}
function post(path: string, cookie: string, fields: Record<string, string>) {
  return new Request(base + path, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Runs a loader or action and tells what the user got. */
async function outcomeOf(fn: () => Promise<unknown>): Promise<{ outcome: Outcome; body: unknown }> {
  let status: number;
  let body: unknown = null;
  let location: string | null = null;
  try {
    const result = await fn();
    if (result instanceof Response) {
      status = result.status;
      location = result.headers.get("Location");
    } else {
      const r = result as { type?: string; data?: unknown; init?: { status?: number } };
      if (r && r.type === "DataWithResponseInit") {
        status = r.init?.status ?? 200;
        body = r.data;
      } else {
        status = 200;
        body = result;
      }
    }
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    status = thrown.status;
    location = thrown.headers.get("Location");
  }
  if (status === 302 && location?.startsWith("/login")) return { outcome: "login", body };
  return { outcome: status as Outcome, body };
}

interface Row {
  page: string;
  run: (cookie: string) => Promise<unknown>;
  expected: Record<Who, Outcome>;
}

const ids = () => ({ pantiId: String(world.pantiId), stayId: String(world.stayId) });
const stayPath = (rest = "") => `/panti/${world.pantiId}/stays/${world.stayId}${rest}`;

/** A fresh resident for each write, so that one role's move does not change the next one's. */
function freshStay() {
  const bed = world.bedsLeft.shift() ?? null;
  return createResident(world.pantiId, bed).stay.id;
}

const MATRIX: Row[] = [
  {
    page: "case file (GET /panti/:id/stays/:stayId)",
    run: (cookie) => caseFileLoader({ request: get(stayPath(), cookie), params: ids(), context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 200,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "record a session: the form (GET …/sessions/new)",
    run: (cookie) => newSessionLoader({ request: get(stayPath("/sessions/new"), cookie), params: ids(), context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 403,
      "panti_admin (own)": 403,
      "panti_admin (other)": 403,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "record a session (POST …/sessions/new)",
    run: (cookie) =>
      newSessionAction({
        request: post(stayPath("/sessions/new"), cookie, {
          mode: "individual",
          stayIds: String(world.stayId),
          serviceCode: "bimbingan_sosial",
          providerName: "Petugas Uji",
          sessionAt: "2026-03-05T10:00",
          durationMinutes: "30",
          summary: "Bimbingan sosial kelompok kecil",
        }),
        params: ids(),
        context: {},
      }),
    expected: {
      anonymous: "login",
      dinsos_admin: 302,
      dinsos_viewer: 403,
      "panti_admin (own)": 403,
      "panti_admin (other)": 403,
      instructor: 403,
      "psychosocial (own)": 302,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "read a note (GET …/sessions/:sessionId)",
    run: (cookie) =>
      sessionLoader({
        request: get(stayPath(`/sessions/${world.sessionId}`), cookie),
        params: { ...ids(), sessionId: String(world.sessionId) },
        context: {},
      }),
    expected: {
      anonymous: "login",
      dinsos_admin: "note",
      dinsos_viewer: "hidden",
      "panti_admin (own)": "hidden",
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": "note",
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "move a stage: the form (GET …/stage)",
    run: (cookie) => stageLoader({ request: get(stayPath("/stage"), cookie), params: ids(), context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 403,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "move a stage (POST …/stage)",
    run: (cookie) => {
      const stayId = String(freshStay());
      return stageAction({
        request: post(`/panti/${world.pantiId}/stays/${stayId}/stage`, cookie, { from: "pendekatan_awal", to: "asesmen" }),
        params: { pantiId: String(world.pantiId), stayId },
        context: {},
      });
    },
    expected: {
      anonymous: "login",
      dinsos_admin: 302,
      dinsos_viewer: 403,
      "panti_admin (own)": 302,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 302,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "assessment form (GET …/assessment)",
    run: (cookie) => assessmentLoader({ request: get(stayPath("/assessment"), cookie), params: ids(), context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 403,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "panti residents list (GET /panti/:id/residents)",
    run: (cookie) =>
      residentsLoader({ request: get(`/panti/${world.pantiId}/residents`, cookie), params: { pantiId: String(world.pantiId) }, context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 200,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "panti sessions list (GET /panti/:id/sessions)",
    run: (cookie) =>
      sessionsLoader({ request: get(`/panti/${world.pantiId}/sessions`, cookie), params: { pantiId: String(world.pantiId) }, context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 200,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "group session form (GET /panti/:id/sessions/new)",
    run: (cookie) =>
      groupSessionLoader({ request: get(`/panti/${world.pantiId}/sessions/new`, cookie), params: { pantiId: String(world.pantiId) }, context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 403,
      "panti_admin (own)": 403,
      "panti_admin (other)": 403,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "panti page (GET /panti/:id)",
    run: (cookie) => pantiLoader({ request: get(`/panti/${world.pantiId}`, cookie), params: { pantiId: String(world.pantiId) }, context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 200,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 200,
      "psychosocial (other)": 404,
      outreach: 403,
    },
  },
  {
    page: "exit page (GET …/exit)",
    run: (cookie) => exitLoader({ request: get(stayPath("/exit"), cookie), params: ids(), context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 403,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 403,
      "psychosocial (other)": 403,
      outreach: 403,
    },
  },
  {
    page: "move page (GET …/move)",
    run: (cookie) => moveLoader({ request: get(stayPath("/move"), cookie), params: ids(), context: {} }),
    expected: {
      anonymous: "login",
      dinsos_admin: 200,
      dinsos_viewer: 403,
      "panti_admin (own)": 200,
      "panti_admin (other)": 404,
      instructor: 403,
      "psychosocial (own)": 403,
      "psychosocial (other)": 403,
      outreach: 403,
    },
  },
];

const cases = MATRIX.flatMap((row) => WHO.map((who) => ({ page: row.page, who, run: row.run, expected: row.expected[who] })));

describe("access matrix: role × page/action", () => {
  it.each(cases)("$page as $who → $expected", async ({ who, run, expected }) => {
    const { outcome, body } = await outcomeOf(() => run(world.cookies[who]));
    const text = JSON.stringify(body ?? null);
    if (expected === "note" || expected === "hidden") {
      expect(outcome).toBe(200);
      expect(text.includes(NOTE) ? "note" : "hidden").toBe(expected);
    } else {
      expect(outcome).toBe(expected);
    }
    // Whatever the outcome, the note text reaches only those who may read it.
    if (expected !== "note") expect(text).not.toContain(NOTE);
  });

  it("logged a read of the note for each user who got it, and for no one else", () => {
    const reads = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "psychosocial.note_read"), eq(auditLog.entityId, String(world.sessionId))))
      .all();
    const readers = cases.filter((c) => c.expected === "note").length;
    expect(reads).toHaveLength(readers);
  });
});
