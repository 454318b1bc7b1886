/**
 * The access matrix for approvals, through the routes with signed session cookies: who sees the
 * queue and a request, who may decide, and tampering (another panti's request by its id, one's
 * own request, a role that does not approve) answered 404, 403 or 409 with nothing changed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { approvals, persons, stays } from "#db/schema";
import { planSchema } from "~/domain/case-file";
import { recordPlan } from "~/services/case-file.server";
import { recordExit } from "~/services/exits.server";
import { action as decideAction, loader as approvalLoader } from "~/routes/_app.approvals.$approvalId";
import { loader as queueLoader } from "~/routes/_app.approvals._index";
import { loader as homeLoader } from "~/routes/_app.home/route";
import { db } from "~/utils/db.server";
import { cookieFor, createPanti, createResident, createRoom, createUser, familyExitInput } from "../factories";
import { callRoute, getRequest, postForm, routeArgs } from "../routes";

type Who = "anonymous" | "dinsos_admin" | "dinsos_viewer" | "panti_admin (own)" | "panti_admin (requester)" | "panti_admin (other)" | "psychosocial (own)" | "instructor" | "outreach";

let w: { planApproval: number; exitApproval: number; stayId: number; cookies: Record<Who, string> };

beforeAll(async () => {
  const own = createPanti();
  const other = createPanti();
  const { beds } = createRoom(own.id, 3);
  const requester = createUser("panti_admin", own.id);
  const psych = createUser("psychosocial", own.id);
  const planStay = createResident(own.id, beds[0]!.id).stay;
  const { approvalId: planApproval } = recordPlan(
    psych.actor,
    { pantiId: own.id, stayId: planStay.id },
    planSchema.parse({ createdOn: "2026-01-20", "goals.0.goal": "Sekolah lagi", "goals.0.intervention": "Bimbingan belajar", "goals.0.targetDate": "2026-06-01" }),
  );
  const child = createResident(own.id, beds[1]!.id);
  db.update(persons).set({ birthDate: "2013-04-02", birthYear: 2013 }).where(eq(persons.id, child.person.id)).run();
  const { approvalId: exitApproval } = recordExit(requester.actor, child.stay.id, familyExitInput("2026-02-01T10:00"));
  const users: Record<Exclude<Who, "anonymous">, { username: string }> = {
    dinsos_admin: createUser("dinsos_admin"),
    dinsos_viewer: createUser("dinsos_viewer"),
    "panti_admin (own)": createUser("panti_admin", own.id),
    "panti_admin (requester)": requester,
    "panti_admin (other)": createUser("panti_admin", other.id),
    "psychosocial (own)": psych,
    instructor: createUser("instructor", own.id),
    outreach: createUser("outreach", null, "sudin_jakbar"),
  };
  const cookies = { anonymous: "" } as Record<Who, string>;
  for (const [who, user] of Object.entries(users)) cookies[who as Who] = await cookieFor(user.username);
  w = { planApproval, exitApproval: exitApproval!, stayId: child.stay.id, cookies };
});

const statusOf = async (fn: () => Promise<unknown>) => {
  const answer = await callRoute(fn);
  return answer.status === 302 && answer.location?.startsWith("/login") ? "login" : answer.status;
};
const status = (id: number) => db.select({ status: approvals.status }).from(approvals).where(eq(approvals.id, id)).get()!.status;

describe("access matrix: approvals", () => {
  it("opens the queue and a request to panti admins (own panti) and Dinsos admins only", async () => {
    const expected: Record<Who, { queue: number | string; request: number | string }> = {
      anonymous: { queue: "login", request: "login" },
      dinsos_admin: { queue: 200, request: 200 },
      dinsos_viewer: { queue: 403, request: 403 },
      "panti_admin (own)": { queue: 200, request: 200 },
      "panti_admin (requester)": { queue: 200, request: 200 },
      "panti_admin (other)": { queue: 200, request: 404 },
      "psychosocial (own)": { queue: 403, request: 403 },
      instructor: { queue: 403, request: 403 },
      outreach: { queue: 403, request: 403 },
    };
    for (const who of Object.keys(expected) as Who[]) {
      const cookie = w.cookies[who] || undefined;
      const seen = {
        queue: await statusOf(() => queueLoader(routeArgs(getRequest("/approvals", cookie)))),
        request: await statusOf(() => approvalLoader(routeArgs(getRequest(`/approvals/${w.planApproval}`, cookie), { approvalId: String(w.planApproval) }))),
      };
      expect({ who, seen }).toEqual({ who, seen: expected[who] });
    }
  });

  it("lists only the actor's panti in the queue, and every panti for Dinsos", async () => {
    const ids = async (who: Who) => {
      const answer = await callRoute(() => queueLoader(routeArgs(getRequest("/approvals", w.cookies[who]))));
      return (answer.body as { rows: { id: number; canDecide: boolean }[] }).rows;
    };
    expect((await ids("panti_admin (other)")).map((r) => r.id)).toEqual([]);
    expect((await ids("panti_admin (own)")).map((r) => r.id)).toEqual(expect.arrayContaining([w.planApproval, w.exitApproval]));
    expect((await ids("dinsos_admin")).map((r) => r.id)).toEqual(expect.arrayContaining([w.planApproval, w.exitApproval]));
    // The requester sees their own request, marked as not theirs to decide.
    expect((await ids("panti_admin (requester)")).find((r) => r.id === w.exitApproval)?.canDecide).toBe(false);
    const home = await callRoute(() => homeLoader(routeArgs(getRequest("/home", w.cookies["panti_admin (own)"]))));
    expect((home.body as { greeting: { work: { approvals?: { total: number } } } }).greeting.work.approvals?.total).toBeGreaterThanOrEqual(2);
  });

  it("refuses tampering: another panti's request by id (404), a role that does not approve (403), one's own request (409); nothing changes", async () => {
    const post = (who: Who, id: number, fields: Record<string, string>) =>
      statusOf(() => decideAction(routeArgs(postForm(`/approvals/${id}`, w.cookies[who] || undefined, fields), { approvalId: String(id) })));
    expect(await post("panti_admin (other)", w.exitApproval, { intent: "approve" })).toBe(404);
    expect(await post("panti_admin (other)", w.planApproval, { intent: "reject", reason: "Bukan panti kami" })).toBe(404);
    expect(await post("psychosocial (own)", w.planApproval, { intent: "approve" })).toBe(403);
    expect(await post("dinsos_viewer", w.planApproval, { intent: "approve" })).toBe(403);
    expect(await post("anonymous", w.planApproval, { intent: "approve" })).toBe("login");
    expect(await post("panti_admin (requester)", w.exitApproval, { intent: "approve" })).toBe(409);
    expect(await post("panti_admin (own)", 987_654, { intent: "approve" })).toBe(404);
    expect(await post("panti_admin (own)", w.exitApproval, { intent: "reject" })).toBe(400);
    expect(status(w.exitApproval)).toBe("pending");
    expect(status(w.planApproval)).toBe("pending");
    expect(db.select({ exitedAt: stays.exitedAt }).from(stays).where(eq(stays.id, w.stayId)).get()!.exitedAt).toBeNull();

    // The second panti admin of the panti approves: the exit is recorded.
    expect(await post("panti_admin (own)", w.exitApproval, { intent: "approve" })).toBe(200);
    expect(status(w.exitApproval)).toBe("approved");
    expect(db.select({ exitedAt: stays.exitedAt }).from(stays).where(eq(stays.id, w.stayId)).get()!.exitedAt).not.toBeNull();
    // Decided: a second decision is a conflict, not a change.
    expect(await post("dinsos_admin", w.exitApproval, { intent: "reject", reason: "Terlambat" })).toBe(409);
    expect(status(w.exitApproval)).toBe("approved");
  });
});
