/**
 * Consent to share, per person and purpose: recorded from the case file (scope, validation,
 * audit), its state on the case file, the panti's list of expired consents, and the download of
 * residents without a valid consent for a purpose.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { consents, persons } from "#db/schema";
import { InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { consentSchema } from "~/domain/safeguarding";
import { jakartaDate } from "~/domain/time";
import { buildDataset } from "~/queries/exports.server";
import { consentsOfPerson, expiredConsents } from "~/queries/safeguarding.server";
import { recordConsent } from "~/services/safeguarding.server";
import { action as consentAction, loader as consentLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.consent";
import { loader as expiredLoader } from "~/routes/_app.panti.$pantiId_.consents";
import { db } from "~/utils/db.server";
import { auditCount, cookieFor, createPanti, createResident, createUser } from "../factories";
import { callRoute, getRequest, postForm, routeArgs } from "../routes";

const TODAY = jakartaDate(new Date());
const daysFromToday = (n: number) => jakartaDate(new Date(Date.now() + n * 86_400_000));

function setup() {
  const own = createPanti();
  const other = createPanti();
  const { person, stay } = createResident(own.id, null);
  const { person: second } = createResident(own.id, null);
  return {
    own,
    other,
    person,
    second,
    ref: { pantiId: own.id, stayId: stay.id },
    admin: createUser("panti_admin", own.id),
    psych: createUser("psychosocial", own.id),
    otherAdmin: createUser("panti_admin", other.id),
    viewer: createUser("dinsos_viewer"),
  };
}

const input = (fields: Record<string, string>) => consentSchema.parse({ purpose: "family", decision: "given", decidedOn: daysFromToday(-100), ...fields });

describe("recording consent", () => {
  it("stores the decision, who decided on the person's behalf and why, with an audit row", () => {
    const w = setup();
    const before = auditCount("consent.record");
    const { consentId } = recordConsent(w.psych.actor, w.ref, input({ onBehalf: "on", decidedBy: "Ibu kandung", onBehalfReason: "Anak di bawah umur" }));
    const row = db.select().from(consents).where(eq(consents.id, consentId)).get()!;
    expect(row).toMatchObject({ personId: w.person.id, pantiId: w.own.id, purpose: "family", decision: "given", onBehalfBy: "Ibu kandung", recordedBy: w.psych.id });
    expect(auditCount("consent.record")).toBe(before + 1);
  });

  it("refuses another panti's staff, roles without the permission, and a decision in the future", () => {
    const w = setup();
    expect(() => recordConsent(w.otherAdmin.actor, w.ref, input({}))).toThrow(NotFound);
    expect(() => recordConsent(w.viewer.actor, w.ref, input({}))).toThrow(PermissionDenied);
    expect(() => recordConsent(w.admin.actor, w.ref, input({ decidedOn: daysFromToday(3) }))).toThrow(InvalidInput);
  });

  it("shows the state per purpose: the latest decision counts, expired and expiring marked", () => {
    const w = setup();
    recordConsent(w.admin.actor, w.ref, input({ purpose: "family", expiresOn: daysFromToday(10) }));
    recordConsent(w.admin.actor, w.ref, input({ purpose: "hospital", expiresOn: daysFromToday(-1) }));
    recordConsent(w.admin.actor, w.ref, input({ purpose: "home_province" }));
    recordConsent(w.admin.actor, w.ref, input({ purpose: "home_province", decision: "withdrawn", decidedOn: daysFromToday(-2) }));
    const states = Object.fromEntries(consentsOfPerson(w.admin.actor, w.own.id, w.person.id, TODAY).states.map((s) => [s.purpose, s.state]));
    expect(states).toMatchObject({ family: "expiring", hospital: "expired", home_province: "withdrawn", research: "none" });
    expect(consentsOfPerson(w.otherAdmin.actor, w.own.id, w.person.id, TODAY).rows).toEqual([]);
    expect(expiredConsents(w.admin.actor, w.own.id, TODAY)).toEqual([expect.objectContaining({ purpose: "hospital", expiresOn: daysFromToday(-1) })]);
    expect(expiredConsents(w.otherAdmin.actor, w.own.id, TODAY)).toEqual([]);
  });
});

describe("the download of residents without consent", () => {
  it("names the panti's residents without a valid consent for the purpose, in the actor's scope", () => {
    const w = setup();
    recordConsent(w.admin.actor, w.ref, input({ purpose: "dukcapil" }));
    const names = (actor: typeof w.admin.actor, query: string) =>
      Array.from((buildDataset(actor as never, "consent-missing", new URLSearchParams(query), "id")?.rows ?? []) as Iterable<unknown[]>).map((r) => r[0]);
    const second = db.select().from(persons).where(eq(persons.id, w.second.id)).get()!.name;
    const first = db.select().from(persons).where(eq(persons.id, w.person.id)).get()!.name;
    expect(names(w.admin.actor, "purpose=dukcapil")).toEqual([second]);
    expect(names(w.admin.actor, "purpose=family").sort()).toEqual([first, second].sort());
    expect(buildDataset(w.otherAdmin.actor as never, "consent-missing", new URLSearchParams(`panti=${w.own.id}`), "id")).toBeNull();
    expect(names(w.otherAdmin.actor, "purpose=family")).not.toContain(first);
  });
});

describe("the consent routes", () => {
  it("record a consent from the case file, with every error at once; the expired list is the panti's", async () => {
    const w = setup();
    const cookie = await cookieFor(w.admin.username);
    const path = `/panti/${w.own.id}/stays/${w.ref.stayId}/consent`;
    const params = { pantiId: String(w.own.id), stayId: String(w.ref.stayId) };
    expect((await callRoute(() => consentLoader(routeArgs(getRequest(path, cookie), params)))).status).toBe(200);
    const bad = await callRoute(() => consentAction(routeArgs(postForm(path, cookie, { intent: "consent", purpose: "", decision: "", decidedOn: "", onBehalf: "on" }), params)));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: Record<string, unknown> }).errors).sort()).toEqual(["decidedOn", "decision", "purpose"]);
    const good = await callRoute(() =>
      consentAction(routeArgs(postForm(path, cookie, { intent: "consent", purpose: "research", decision: "given", decidedOn: daysFromToday(-40), expiresOn: daysFromToday(-5) }), params)),
    );
    expect(good.status).toBe(302);
    const list = await callRoute(() => expiredLoader(routeArgs(getRequest(`/panti/${w.own.id}/consents`, cookie), { pantiId: String(w.own.id) })));
    expect((list.body as { rows: { purpose: string }[] }).rows.map((r) => r.purpose)).toEqual(["research"]);
    const otherCookie = await cookieFor(w.otherAdmin.username);
    expect((await callRoute(() => consentLoader(routeArgs(getRequest(path, otherCookie), params)))).status).toBe(404);
    expect((await callRoute(() => expiredLoader(routeArgs(getRequest(`/panti/${w.own.id}/consents`, otherCookie), { pantiId: String(w.own.id) })))).status).toBe(404);
  });
});
