/**
 * Read models for safeguarding: who opened a person's file, a stay's incidents, the serious
 * incidents on the home page, the incident list and its counts per panti and type, and consents.
 * Scope is in every `where`; restricted persons are masked with `shownIdentity`.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { caseFileReads, consents, incidents, panti, persons, stays, users } from "#db/schema";
import { canOnPanti, scopeFor, type Actor } from "~/domain/permissions";
import {
  consentFor,
  CONSENT_PURPOSES,
  INCIDENT_TYPES,
  SERIOUS_INCIDENT_DAYS,
  shownIdentity,
  type ConsentPurpose,
  type ConsentRecord,
  type IncidentListFilter,
} from "~/domain/safeguarding";
import { jakartaDate, parseJakartaDateTime } from "~/domain/time";
import { db, perConnection, type Db } from "~/utils/db.server";
import { restrictionColumns } from "./restricted.server";
import { onePantiWhere, pantiWhere, scopeReachesPanti } from "./scope.server";

export const READ_LOG_PAGE_SIZE = 50;

/**
 * Who opened the person's case file and when, across every panti, newest first; only for those
 * who may read the log (Dinsos administrators), or print the person's summary, which includes it.
 * Null for anyone else.
 */
export function readLogOfPerson(
  actor: Actor,
  pantiId: number,
  personId: number,
  page: number,
  permission: "case:read_log" | "case:summary" = "case:read_log",
) {
  if (!canOnPanti(actor, permission, pantiId)) return null;
  const where = eq(caseFileReads.personId, personId);
  const total = db.select({ n: count() }).from(caseFileReads).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: caseFileReads.id,
      at: caseFileReads.at,
      page: caseFileReads.page,
      restricted: caseFileReads.restricted,
      stayId: caseFileReads.stayId,
      userName: users.name,
      username: users.username,
      role: users.role,
      pantiName: panti.name,
    })
    .from(caseFileReads)
    .innerJoin(users, eq(users.id, caseFileReads.userId))
    .leftJoin(panti, eq(panti.id, caseFileReads.pantiId))
    .where(where)
    .orderBy(desc(caseFileReads.at), desc(caseFileReads.id))
    .limit(READ_LOG_PAGE_SIZE)
    .offset((page - 1) * READ_LOG_PAGE_SIZE)
    .all();
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / READ_LOG_PAGE_SIZE)) };
}

/** The incidents of a stay of the panti, newest first. */
// Prepared once per connection; the scope of onePantiWhere is checked before they run (they
// take the panti as a value).
const incidentsOfStayQuery = perConnection((c) =>
  c
    .select({
      id: incidents.id,
      type: incidents.type,
      severity: incidents.severity,
      occurredAt: incidents.occurredAt,
      description: incidents.description,
      actionTaken: incidents.actionTaken,
      notified: incidents.notified,
      notifiedOther: incidents.notifiedOther,
      acknowledgedAt: incidents.acknowledgedAt,
      recordedByName: users.name,
    })
    .from(incidents)
    .leftJoin(users, eq(users.id, incidents.recordedBy))
    .where(and(eq(incidents.stayId, sql.placeholder("stayId")), eq(incidents.pantiId, sql.placeholder("pantiId"))))
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .prepare(),
);
const consentsOfPersonQuery = perConnection((c) =>
  c
    .select({
      id: consents.id,
      purpose: consents.purpose,
      decision: consents.decision,
      decidedOn: consents.decidedOn,
      expiresOn: consents.expiresOn,
      onBehalfBy: consents.onBehalfBy,
      onBehalfReason: consents.onBehalfReason,
      recordedByName: users.name,
      pantiName: panti.name,
    })
    .from(consents)
    .innerJoin(stays, and(eq(stays.personId, consents.personId), eq(stays.pantiId, sql.placeholder("pantiId"))))
    .leftJoin(users, eq(users.id, consents.recordedBy))
    .leftJoin(panti, eq(panti.id, consents.pantiId))
    .where(eq(consents.personId, sql.placeholder("personId")))
    .groupBy(consents.id)
    .orderBy(desc(consents.decidedOn), desc(consents.id))
    .prepare(),
);

export function incidentsOfStay(actor: Actor, pantiId: number, stayId: number) {
  if (!scopeReachesPanti(actor, "case:read", pantiId)) return [];
  return incidentsOfStayQuery().all({ stayId, pantiId });
}

const residentColumns = () => ({
  stayId: stays.id,
  personId: persons.id,
  name: persons.name,
  unidentified: persons.unidentified,
  sex: persons.sex,
  ...restrictionColumns(),
});

/**
 * Serious incidents (high or critical, the last 14 days, not acknowledged) for the home page of
 * a panti admin (their panti) or of Dinsos (every panti).
 */
export function seriousIncidents(actor: Actor, now = new Date()) {
  // Those who acknowledge them (panti admins, Dinsos admins), and Dinsos analysts, who read every panti.
  const acknowledging = scopeFor(actor, "incident:acknowledge");
  const scope = acknowledging.kind === "none" && scopeFor(actor, "report:read").kind === "all" ? ({ kind: "all" } as const) : acknowledging;
  if (scope.kind === "none" || scope.kind === "unit") return [];
  const since = new Date(now.getTime() - SERIOUS_INCIDENT_DAYS * 86_400_000);
  return incidentRows(
    actor,
    and(
      pantiWhere(scope, incidents.pantiId),
      sql`${incidents.severity} in ('high', 'critical')`,
      gte(incidents.occurredAt, since),
      isNull(incidents.acknowledgedAt),
    ),
    { limit: 50, offset: 0 },
  );
}

export const INCIDENTS_PAGE_SIZE = 50;

function incidentWhere(actor: Actor, filter: IncidentListFilter) {
  const from = filter.from ? parseJakartaDateTime(`${filter.from}T00:00`) : null;
  const to = filter.to ? parseJakartaDateTime(`${filter.to}T00:00`) : null;
  return and(
    pantiWhere(scopeFor(actor, "report:read"), incidents.pantiId),
    filter.pantiId ? eq(incidents.pantiId, filter.pantiId) : undefined,
    filter.type ? eq(incidents.type, filter.type) : undefined,
    filter.severity ? eq(incidents.severity, filter.severity) : undefined,
    from ? gte(incidents.occurredAt, from) : undefined,
    to ? lt(incidents.occurredAt, new Date(to.getTime() + 86_400_000)) : undefined,
  );
}

/**
 * The incident page: counts per panti and type (every type a column) and one page of the
 * incidents themselves, in the actor's report scope.
 */
export function incidentReport(actor: Actor, filter: IncidentListFilter) {
  const where = incidentWhere(actor, filter);
  const countRows = db
    .select({ pantiId: incidents.pantiId, pantiName: panti.name, type: incidents.type, n: count() })
    .from(incidents)
    .innerJoin(panti, eq(panti.id, incidents.pantiId))
    .where(where)
    .groupBy(incidents.pantiId, panti.name, incidents.type)
    .orderBy(asc(panti.name))
    .all();
  const byPanti = new Map<number, { pantiId: number; pantiName: string; counts: Record<string, number>; total: number }>();
  for (const r of countRows) {
    const entry = byPanti.get(r.pantiId) ?? { pantiId: r.pantiId, pantiName: r.pantiName, counts: Object.fromEntries(INCIDENT_TYPES.map((t) => [t, 0])), total: 0 };
    entry.counts[r.type] = r.n;
    entry.total += r.n;
    byPanti.set(r.pantiId, entry);
  }
  const total = db.select({ n: count() }).from(incidents).where(where).get()?.n ?? 0;
  return {
    counts: [...byPanti.values()],
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / INCIDENTS_PAGE_SIZE)),
    rows: incidentRows(actor, where, { limit: INCIDENTS_PAGE_SIZE, offset: (filter.page - 1) * INCIDENTS_PAGE_SIZE }).map((r) => ({
      ...r,
      // Only the panti's own staff and Dinsos open the case file from here.
      canOpen: canOnPanti(actor, "case:read", r.pantiId),
    })),
  };
}

/** Incidents with their panti and resident (masked when restricted), newest first. */
function incidentRows(actor: Actor, where: SQL | undefined, page: { limit: number; offset: number }) {
  const rows = db
    .select({
      id: incidents.id,
      pantiId: incidents.pantiId,
      pantiName: panti.name,
      type: incidents.type,
      severity: incidents.severity,
      occurredAt: incidents.occurredAt,
      acknowledgedAt: incidents.acknowledgedAt,
      ...residentColumns(),
    })
    .from(incidents)
    .innerJoin(stays, eq(stays.id, incidents.stayId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, incidents.pantiId))
    .where(where)
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return rows.map(({ name, unidentified, sex, restricted, homePantiId, ...r }) => ({
    ...r,
    displayName: shownIdentity(actor, { name, unidentified, sex, restricted, homePantiId }).displayName,
  }));
}

/** The incidents of a stay that an exit with this type may link to. */
export function exitIncidentChoices(actor: Actor, pantiId: number, stayId: number) {
  return db
    .select({ id: incidents.id, type: incidents.type, severity: incidents.severity, occurredAt: incidents.occurredAt })
    .from(incidents)
    .where(and(eq(incidents.stayId, stayId), onePantiWhere(actor, "stay:exit", pantiId, incidents.pantiId)))
    .orderBy(desc(incidents.occurredAt))
    .all();
}

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

/** The consents recorded for a person (read through a stay of the panti), and the state per purpose. */
export function consentsOfPerson(actor: Actor, pantiId: number, personId: number, today = jakartaDate(new Date())) {
  const rows = scopeReachesPanti(actor, "case:read", pantiId) ? consentsOfPersonQuery().all({ personId, pantiId }) : [];
  const records: ConsentRecord[] = rows;
  return {
    rows,
    states: CONSENT_PURPOSES.map((purpose: ConsentPurpose) => ({ purpose, ...consentFor({ consents: records }, purpose, today) })),
  };
}

/**
 * The current residents in the actor's scope (one panti when `pantiId` is given) with the state
 * of their consent for each purpose on `today`. Bounded by the census.
 */
export function residentConsentStates(actor: Actor, filter: { pantiId?: number }, today = jakartaDate(new Date())) {
  const where = and(
    isNull(stays.exitedAt),
    filter.pantiId != null ? onePantiWhere(actor, "case:read", filter.pantiId, stays.pantiId) : pantiWhere(scopeFor(actor, "case:read"), stays.pantiId),
  );
  const residents = db
    .select({
      pantiId: stays.pantiId,
      pantiName: panti.name,
      admittedAt: stays.admittedAt,
      ...residentColumns(),
    })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(where)
    .orderBy(asc(panti.name), asc(persons.name), asc(stays.id))
    .all();
  const recorded = db
    .select({ id: consents.id, personId: consents.personId, purpose: consents.purpose, decision: consents.decision, decidedOn: consents.decidedOn, expiresOn: consents.expiresOn })
    .from(consents)
    .innerJoin(stays, eq(stays.personId, consents.personId))
    .where(where)
    .all();
  const byPerson = new Map<number, ConsentRecord[]>();
  for (const c of recorded) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  return residents.map(({ name, unidentified, sex, restricted, homePantiId, ...r }) => {
    const person = { consents: byPerson.get(r.personId) ?? [] };
    return {
      ...r,
      displayName: shownIdentity(actor, { name, unidentified, sex, restricted, homePantiId }).displayName,
      consents: CONSENT_PURPOSES.map((purpose) => ({ purpose, ...consentFor(person, purpose, today) })),
    };
  });
}

/** The panti's current residents whose latest consent for a purpose has expired. */
export function expiredConsents(actor: Actor, pantiId: number, today = jakartaDate(new Date())) {
  return residentConsentStates(actor, { pantiId }, today).flatMap((r) =>
    r.consents
      .filter((c) => c.state === "expired")
      .map((c) => ({ stayId: r.stayId, displayName: r.displayName, purpose: c.purpose, expiresOn: c.record!.expiresOn, decidedOn: c.record!.decidedOn })),
  );
}

type ConsentOutcome = ReturnType<typeof consentFor>;

/**
 * The consent of each person for a purpose on a day (`consentFor` over their recorded decisions),
 * for the services that let data leave the panti: inside their transaction (`handle`), or for a
 * form that shows the state before the user submits.
 */
export function consentOfPersons(personIds: readonly number[], purpose: ConsentPurpose, date: Date, handle: Pick<Db, "select"> = db): Map<number, ConsentOutcome> {
  const ids = [...new Set(personIds)];
  const byPerson = new Map<number, ConsentRecord[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += 500) {
    handle
      .select({ id: consents.id, personId: consents.personId, purpose: consents.purpose, decision: consents.decision, decidedOn: consents.decidedOn, expiresOn: consents.expiresOn })
      .from(consents)
      .where(and(inArray(consents.personId, ids.slice(i, i + 500)), eq(consents.purpose, purpose)))
      .all()
      .forEach(({ personId, ...record }) => byPerson.get(personId)?.push(record));
  }
  return new Map(ids.map((id) => [id, consentFor({ consents: byPerson.get(id) ?? [] }, purpose, date)]));
}

/** The consent of one person for a purpose on a day. */
export function consentOfPerson(personId: number, purpose: ConsentPurpose, date: Date, handle: Pick<Db, "select"> = db): ConsentOutcome {
  return consentOfPersons([personId], purpose, date, handle).get(personId)!;
}
