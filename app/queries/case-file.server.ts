/**
 * Read models for the resident case file, the panti's residents list and its psychosocial
 * sessions. Scope is in every `where`: a stay is looked up with its panti, so another panti's stay
 * is simply not found.
 *
 * Confidential notes: no query here selects `psychosocial_sessions.note` except `readSession`,
 * and only for an actor who may read notes in that panti; each such read is written to the audit
 * log (action "psychosocial.note_read") in the same write transaction that reads it.
 */
import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  assessments,
  bedAssignments,
  beds,
  caseFileReads,
  classes,
  enrolments,
  familyContacts,
  followUps,
  identitySteps,
  interventionPlans,
  panti,
  persons,
  planReviews,
  programmes,
  psychosocialSessions,
  rooms,
  sessionParticipants,
  stageHistory,
  stays,
  tracingAttempts,
  users,
} from "#db/schema";
import {
  canReadNotes,
  familyLocated,
  identityStatus,
  stageEnteredOn,
  stageOfStay,
  stageOptions,
  stagePosition,
  stageTimeline,
  type ResidentFilters,
  type StageRecords,
} from "~/domain/case-file";
import { UNDER_WAY } from "~/domain/handoffs";
import { canOnPanti, type Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { canRestrict, RESTRICTED_NAME, shownIdentity, type CaseFilePage } from "~/domain/safeguarding";
import { REHABILITATION_STAGE_CODES, type RehabilitationStage } from "~/domain/reference";
import { appendAudit, writeTransaction } from "~/services/audit.server";
import { snippet } from "~/domain/text";
import { ageOn, jakartaDate, toJakartaParts } from "~/domain/time";
import { db, perConnection } from "~/utils/db.server";
import { approvalStates, pendingExitOf } from "./approvals.server";
import { personSearchWhere } from "./person-search.server";
import { homePantiOf, namedToActor, restrictionColumns } from "./restricted.server";
import { consentsOfPerson, expiredConsents, incidentsOfStay, readLogOfPerson } from "./safeguarding.server";
import { handoffsOfStay, incomingHandoffOfStay, tracingOfStay } from "./handoffs.server";
import { onePantiWhere, scopeReachesPanti } from "./scope.server";
import { boundedCount, pageFigures, pageOfIds } from "./paging.server";

const recorder = aliasedTable(users, "recorder");

// ---------------------------------------------------------------------------
// The stay and its header
// ---------------------------------------------------------------------------

const caseHeaderQuery = perConnection((c) =>
  c
    .select({
      stay: stays,
      person: persons,
      homePantiId: homePantiOf(),
      panti: { id: panti.id, code: panti.code, name: panti.name, type: panti.type, address: panti.address, kota: panti.kota },
    })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(eq(stays.id, sql.placeholder("stayId")), eq(stays.pantiId, sql.placeholder("pantiId"))))
    .prepare(),
);

/** A stay of the panti with its person and panti, or null (not found or another panti's). */
export function caseHeader(actor: Actor, pantiId: number, stayId: number) {
  if (!scopeReachesPanti(actor, "case:read", pantiId)) return null;
  const row = caseHeaderQuery().get({ stayId, pantiId });
  if (!row) return null;
  const followUpCount = followUpCountQuery().get({ stayId })?.n ?? 0;
  const { stay, person } = row;
  const now = new Date();
  // A restricted person opened outside their panti: no name, NIK or birth date.
  const shown = shownIdentity(actor, { ...person, homePantiId: row.homePantiId });
  const openStayPantiId = stay.exitedAt == null ? stay.pantiId : openStayPanti(person.id);
  const age = shown.masked
    ? null
    : person.birthDate
    ? ageOn(person.birthDate, now)
    : person.birthYear != null
      ? toJakartaParts(now).year - person.birthYear
      : null;
  return {
    stay: {
      id: stay.id,
      pantiId: stay.pantiId,
      personId: stay.personId,
      placementId: stay.placementId,
      admittedAt: stay.admittedAt,
      currentStage: stay.currentStage as RehabilitationStage,
      stage: stageOfStay({ currentStage: stay.currentStage, exitedAt: stay.exitedAt, followUps: followUpCount }),
      exitedAt: stay.exitedAt,
      exitOutcome: stay.exitOutcome,
      exitDestination: stay.exitDestination,
      reentry: stay.reentry,
      previousStayId: stay.previousStayId,
      open: stay.exitedAt == null,
      followUps: followUpCount,
    },
    person: {
      id: person.id,
      name: shown.masked ? null : person.name,
      displayName: shown.displayName,
      masked: shown.masked,
      unidentified: person.unidentified,
      description: shown.masked ? null : person.description,
      nik: shown.nik,
      kk: shown.masked ? null : person.kk,
      sex: person.sex,
      birthDate: shown.birthDate,
      age,
      ageEstimated: !shown.birthDate,
      originProvince: person.originProvince,
      originCity: shown.masked ? null : person.originCity,
      ppksCategory: person.ppksCategory,
      disabilitySubtypes: person.disabilitySubtypes,
    },
    restriction: {
      restricted: person.restricted,
      // The category and reason only to those who see the person named.
      category: shown.masked ? null : person.restrictionCategory,
      reason: shown.masked ? null : person.restrictionReason,
      since: shown.masked ? null : person.restrictedAt,
      canChange: canRestrict(actor, openStayPantiId),
    },
    panti: row.panti,
  };
}
export type CaseHeader = NonNullable<ReturnType<typeof caseHeader>>;

const followUpCountQuery = perConnection((c) => c.select({ n: count() }).from(followUps).where(eq(followUps.stayId, sql.placeholder("stayId"))).prepare());

/** The panti of the person's open stay, or null. */
function openStayPanti(personId: number): number | null {
  return openStayPantiQuery().get({ personId })?.pantiId ?? null;
}
const openStayPantiQuery = perConnection((c) =>
  c.select({ pantiId: stays.pantiId }).from(stays).where(and(eq(stays.personId, sql.placeholder("personId")), isNull(stays.exitedAt))).prepare(),
);

/**
 * The header of a stay's case file, with the opening written to the log of who read what (one
 * row per page view); null (404) when the stay is not the actor's to read, and then nothing is
 * logged.
 */
export function openCase(actor: Actor, pantiId: number, stayId: number, page: CaseFilePage, now = new Date()) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header) return null;
  recordCaseRead(actor, header, page, now);
  return header;
}

/** Appends one row to the log of case file reads. */
export function recordCaseRead(
  actor: Actor,
  header: { person: { id: number }; stay: { id: number; pantiId: number }; restriction: { restricted: boolean } },
  page: CaseFilePage,
  now = new Date(),
): void {
  db.insert(caseFileReads)
    .values({
      at: now,
      userId: actor.id,
      personId: header.person.id,
      stayId: header.stay.id,
      pantiId: header.stay.pantiId,
      page,
      restricted: header.restriction.restricted,
    })
    .run();
}

/** What the actor may do on this case (the page shows only the actions that will work). */
function caseAbilities(actor: Actor, pantiId: number, open: boolean) {
  return {
    write: open && canOnPanti(actor, "case:write", pantiId),
    recordSession: open && canOnPanti(actor, "psychosocial:write", pantiId),
    readNotes: canOnPanti(actor, "psychosocial:note", pantiId),
    exit: canOnPanti(actor, "stay:exit", pantiId),
    move: open && canOnPanti(actor, "resident:move", pantiId),
    enrol: open && canOnPanti(actor, "class:manage", pantiId),
    recordIncident: open && canOnPanti(actor, "incident:record", pantiId),
    recordConsent: canOnPanti(actor, "consent:record", pantiId),
    readLog: canOnPanti(actor, "case:read_log", pantiId),
    summary: canOnPanti(actor, "case:summary", pantiId),
    handoff: open && canOnPanti(actor, "handoff:prepare", pantiId),
  };
}

function recordsOf(stayId: number): StageRecords {
  const n = (value: { n: number } | undefined) => value?.n ?? 0;
  return {
    assessments: n(db.select({ n: count() }).from(assessments).where(eq(assessments.stayId, stayId)).get()),
    plans: n(db.select({ n: count() }).from(interventionPlans).where(eq(interventionPlans.stayId, stayId)).get()),
    planReviews: n(
      db
        .select({ n: count() })
        .from(planReviews)
        .innerJoin(interventionPlans, eq(interventionPlans.id, planReviews.planId))
        .where(eq(interventionPlans.stayId, stayId))
        .get(),
    ),
    sessions: n(db.select({ n: count() }).from(sessionParticipants).where(eq(sessionParticipants.stayId, stayId)).get()),
  };
}

const timelineQuery = perConnection((c) =>
  c
    .select({ stage: stageHistory.stage, enteredAt: stageHistory.enteredAt, reason: stageHistory.reason, recordedByName: recorder.name })
    .from(stageHistory)
    .leftJoin(recorder, eq(recorder.id, stageHistory.recordedBy))
    .where(eq(stageHistory.stayId, sql.placeholder("stayId")))
    .orderBy(asc(stageHistory.enteredAt), asc(stageHistory.id))
    .prepare(),
);

function timelineOf(header: { stay: { id: number; admittedAt: Date; currentStage: string; exitedAt: Date | null; followUps: number } }) {
  const history = timelineQuery().all({ stayId: header.stay.id });
  return stageTimeline({
    admittedAt: header.stay.admittedAt,
    currentStage: header.stay.currentStage,
    exitedAt: header.stay.exitedAt,
    followUps: header.stay.followUps,
    history,
  });
}

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

const stayHistoryQuery = perConnection((c) =>
  c
    .select({
      id: stays.id,
      pantiId: stays.pantiId,
      pantiName: panti.name,
      pantiCode: panti.code,
      admittedAt: stays.admittedAt,
      exitedAt: stays.exitedAt,
      exitOutcome: stays.exitOutcome,
      exitDestination: stays.exitDestination,
      reentry: stays.reentry,
      currentStage: stays.currentStage,
    })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(eq(stays.personId, sql.placeholder("personId")))
    .orderBy(desc(stays.admittedAt))
    .prepare(),
);

function stayHistoryOf(actor: Actor, personId: number, masked: boolean) {
  const rows = stayHistoryQuery().all({ personId });
  // Every stay of the person is listed (where and when they were, and how it ended); only the
  // stays the actor may read link to their case file.
  // For a restricted person seen from outside their panti, where they stayed elsewhere is not shown.
  return rows.map((r) => {
    const canOpen = canOnPanti(actor, "case:read", r.pantiId);
    return masked && !canOpen ? { ...r, pantiId: 0, pantiName: RESTRICTED_NAME, pantiCode: "", exitDestination: null, canOpen } : { ...r, canOpen };
  });
}

const currentBedQuery = perConnection((c) =>
  c
    .select({ label: beds.label, roomName: rooms.name, overflow: beds.overflow, since: bedAssignments.fromAt })
    .from(bedAssignments)
    .innerJoin(beds, eq(beds.id, bedAssignments.bedId))
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(and(eq(bedAssignments.stayId, sql.placeholder("stayId")), isNull(bedAssignments.toAt)))
    .prepare(),
);

function currentBedOf(stayId: number) {
  return currentBedQuery().get({ stayId }) ?? null;
}

const assessmentsQuery = perConnection((c) =>
  c
    .select({
      id: assessments.id,
      assessedOn: assessments.assessedOn,
      problems: assessments.problems,
      strengths: assessments.strengths,
      familySituation: assessments.familySituation,
      health: assessments.health,
      cluster: assessments.cluster,
      summary: assessments.summary,
      recordedByName: recorder.name,
    })
    .from(assessments)
    .leftJoin(recorder, eq(recorder.id, assessments.recordedBy))
    .where(eq(assessments.stayId, sql.placeholder("stayId")))
    .orderBy(desc(assessments.assessedOn), desc(assessments.id))
    .prepare(),
);

function assessmentsOf(stayId: number) {
  return assessmentsQuery().all({ stayId });
}

const plansQuery = perConnection((c) =>
  c
    .select({
      id: interventionPlans.id,
      createdOn: interventionPlans.createdOn,
      goals: interventionPlans.goals,
      recordedByName: recorder.name,
    })
    .from(interventionPlans)
    .leftJoin(recorder, eq(recorder.id, interventionPlans.recordedBy))
    .where(eq(interventionPlans.stayId, sql.placeholder("stayId")))
    .orderBy(desc(interventionPlans.createdOn), desc(interventionPlans.id))
    .prepare(),
);

/** The stay's plans, newest first, each with its reviews and where it stands with its approval. */
function plansOf(actor: Actor, stayId: number) {
  const plans = plansQuery().all({ stayId });
  const reviews = plans.length
    ? db
        .select({
          id: planReviews.id,
          planId: planReviews.planId,
          reviewedOn: planReviews.reviewedOn,
          notes: planReviews.notes,
          recordedByName: recorder.name,
        })
        .from(planReviews)
        .leftJoin(recorder, eq(recorder.id, planReviews.recordedBy))
        .where(inArray(planReviews.planId, plans.map((p) => p.id)))
        .orderBy(desc(planReviews.reviewedOn), desc(planReviews.id))
        .all()
    : [];
  const approvalOf = approvalStates(actor, "plan", plans.map((p) => p.id));
  return plans.map((p) => ({ ...p, reviews: reviews.filter((r) => r.planId === p.id), approval: approvalOf.get(p.id) ?? null }));
}

const sessionsQuery = perConnection((c) => {
  const participantCount = c
    .select({ sessionId: sessionParticipants.sessionId, n: count().as("n") })
    .from(sessionParticipants)
    .groupBy(sessionParticipants.sessionId)
    .as("participant_count");
  return c
    .select({
      id: psychosocialSessions.id,
      serviceCode: psychosocialSessions.serviceCode,
      mode: psychosocialSessions.mode,
      providerName: psychosocialSessions.providerName,
      sessionAt: psychosocialSessions.sessionAt,
      durationMinutes: psychosocialSessions.durationMinutes,
      summary: psychosocialSessions.summary,
      followUp: psychosocialSessions.followUp,
      participants: participantCount.n,
    })
    .from(sessionParticipants)
    .innerJoin(psychosocialSessions, eq(psychosocialSessions.id, sessionParticipants.sessionId))
    .leftJoin(participantCount, eq(participantCount.sessionId, psychosocialSessions.id))
    .where(eq(sessionParticipants.stayId, sql.placeholder("stayId")))
    .orderBy(desc(psychosocialSessions.sessionAt), desc(psychosocialSessions.id))
    .prepare();
});

/** The sessions a stay took part in: what took place, never the confidential note. */
function sessionsOf(stayId: number) {
  return sessionsQuery().all({ stayId });
}

const enrolmentsQuery = perConnection((c) =>
  c
    .select({
      id: enrolments.id,
      status: enrolments.status,
      enrolledAt: enrolments.enrolledAt,
      endedAt: enrolments.endedAt,
      outcome: enrolments.outcome,
      certificateNumber: enrolments.certificateNumber,
      className: classes.name,
      startDate: classes.startDate,
      endDate: classes.endDate,
      programmeNameId: programmes.nameId,
      programmeNameEn: programmes.nameEn,
    })
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .innerJoin(programmes, eq(programmes.code, classes.programmeCode))
    .where(eq(enrolments.stayId, sql.placeholder("stayId")))
    .orderBy(desc(enrolments.enrolledAt))
    .prepare(),
);

function enrolmentsOf(stayId: number) {
  return enrolmentsQuery().all({ stayId });
}

const familyContactsQuery = perConnection((c) =>
  c
    .select({
      id: familyContacts.id,
      name: familyContacts.name,
      relation: familyContacts.relation,
      phone: familyContacts.phone,
      address: familyContacts.address,
      notes: familyContacts.notes,
      createdAt: familyContacts.createdAt,
    })
    .from(familyContacts)
    .where(eq(familyContacts.personId, sql.placeholder("personId")))
    .orderBy(asc(familyContacts.id))
    .prepare(),
);

const tracingAttemptsQuery = perConnection((c) =>
  c
    .select({
      id: tracingAttempts.id,
      attemptedAt: tracingAttempts.attemptedAt,
      channel: tracingAttempts.channel,
      result: tracingAttempts.result,
      notes: tracingAttempts.notes,
      contactId: tracingAttempts.contactId,
      contactName: familyContacts.name,
      recordedByName: recorder.name,
    })
    .from(tracingAttempts)
    .leftJoin(familyContacts, eq(familyContacts.id, tracingAttempts.contactId))
    .leftJoin(recorder, eq(recorder.id, tracingAttempts.recordedBy))
    .where(eq(tracingAttempts.stayId, sql.placeholder("stayId")))
    .orderBy(desc(tracingAttempts.attemptedAt), desc(tracingAttempts.id))
    .prepare(),
);

function familyOf(personId: number, stayId: number, masked = false) {
  const contacts = familyContactsQuery().all({ personId });
  const attempts = tracingAttemptsQuery().all({ stayId });
  // The family of a restricted person seen from outside their panti would say who they are.
  if (masked) return { contacts: [], attempts: [], located: familyLocated(attempts) };
  return { contacts, attempts, located: familyLocated(attempts) };
}

const identityStepsQuery = perConnection((c) =>
  c
    .select({
      id: identitySteps.id,
      document: identitySteps.document,
      status: identitySteps.status,
      stepOn: identitySteps.stepOn,
      number: identitySteps.number,
      notes: identitySteps.notes,
      recordedByName: recorder.name,
    })
    .from(identitySteps)
    .leftJoin(recorder, eq(recorder.id, identitySteps.recordedBy))
    .where(eq(identitySteps.personId, sql.placeholder("personId")))
    .orderBy(desc(identitySteps.stepOn), desc(identitySteps.id))
    .prepare(),
);

function identityOf(personId: number, masked = false) {
  const steps = identityStepsQuery().all({ personId });
  return { steps: masked ? steps.map((step) => ({ ...step, number: null, notes: null })) : steps, status: identityStatus(steps) };
}

const followUpsQuery = perConnection((c) =>
  c
    .select({
      id: followUps.id,
      sequence: followUps.sequence,
      dueDate: followUps.dueDate,
      doneAt: followUps.doneAt,
      channel: followUps.channel,
      result: followUps.result,
      notes: followUps.notes,
    })
    .from(followUps)
    .where(eq(followUps.stayId, sql.placeholder("stayId")))
    .orderBy(asc(followUps.sequence))
    .prepare(),
);

function followUpsOf(stayId: number) {
  return followUpsQuery().all({ stayId });
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

/** Everything the case file page shows for a stay of the panti, or null (404). No notes. */
export function caseFile(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "case_file");
  if (!header) return null;
  const timeline = timelineOf(header);
  const entered = stageEnteredOn(timeline);
  const handoffs = handoffsOfStay(actor, pantiId, stayId);
  return {
    ...header,
    can: caseAbilities(actor, pantiId, header.stay.open),
    stages: REHABILITATION_STAGE_CODES.map((code) => ({
      code,
      enteredAt: entered[code] ?? null,
      // Entered at some time, or passed on the way to the current stage (data from before history).
      reached: code in entered || stagePosition(code) < stagePosition(header.stay.stage),
      current: code === header.stay.stage,
    })),
    timeline,
    stayHistory: stayHistoryOf(actor, header.person.id, header.person.masked),
    bed: currentBedOf(stayId),
    pendingExit: pendingExitOf(actor, stayId),
    assessments: assessmentsOf(stayId),
    plans: plansOf(actor, stayId),
    sessions: sessionsOf(stayId),
    enrolments: enrolmentsOf(stayId),
    family: familyOf(header.person.id, stayId, header.person.masked),
    identity: identityOf(header.person.id, header.person.masked),
    followUps: followUpsOf(stayId),
    incidents: incidentsOfStay(actor, pantiId, stayId),
    consents: consentsOfPerson(actor, pantiId, header.person.id),
    handoffs,
    // A hand-off of this stay is under way (a new one waits for it): decided here, the page's
    // scripts need not load the hand-off schemas' module for it.
    handoffUnderWay: handoffs.some((h) => UNDER_WAY.includes(h.status)),
    arrivedFrom: incomingHandoffOfStay(actor, pantiId, stayId),
  };
}

/** The stage page: the current stage, the moves possible now and the history of moves. */
export function stageFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "stage");
  if (!header) return null;
  const records = recordsOf(stayId);
  return {
    ...header,
    can: caseAbilities(actor, pantiId, header.stay.open),
    records,
    options: header.stay.open ? stageOptions(header.stay.currentStage, records) : [],
    timeline: timelineOf(header),
  };
}

export function assessmentFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "assessment");
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), assessments: assessmentsOf(stayId) };
}

export function planFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "plan");
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), plans: plansOf(actor, stayId) };
}

export function familyFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "family");
  if (!header) return null;
  return {
    ...header,
    can: caseAbilities(actor, pantiId, header.stay.open),
    family: familyOf(header.person.id, stayId),
    tracingRequests: tracingOfStay(actor, pantiId, stayId),
  };
}

export function identityFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "identity");
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), identity: identityOf(header.person.id) };
}

/** Who opened the person's file (any stay, any panti), for those who may read the log; else null. */
export function readLogPage(actor: Actor, pantiId: number, stayId: number, page: number) {
  if (!canOnPanti(actor, "case:read_log", pantiId)) return null;
  const header = openCase(actor, pantiId, stayId, "read_log");
  if (!header) return null;
  return { ...header, log: readLogOfPerson(actor, pantiId, header.person.id, page)! };
}

/** The incident form of a stay, with the incidents recorded so far. */
export function incidentFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "incidents");
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), incidents: incidentsOfStay(actor, pantiId, stayId) };
}

/**
 * What the app holds about the person of this stay, for their right to know: identity, every
 * stay with its stages, assessments, plans, sessions (never the confidential note), family
 * tracing, exit, follow-ups, incidents, and what was shared with partner provinces (hand-offs,
 * tracing requests); family contacts, identity documents, consents and who opened the file. For Dinsos administrators and the admin of the person's panti (where they
 * stay now or stayed last); the opening is logged.
 */
export function personSummary(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header || header.person.masked) return null;
  // The person's panti: where they stay now, or stayed last.
  const home = db.select({ pantiId: homePantiOf(sql`${header.person.id}`) }).from(persons).where(eq(persons.id, header.person.id)).get()?.pantiId ?? null;
  if (home == null || !canOnPanti(actor, "case:summary", home)) return null;
  recordCaseRead(actor, header, "summary");
  const personStays = db
    .select({
      id: stays.id,
      pantiId: stays.pantiId,
      pantiName: panti.name,
      admittedAt: stays.admittedAt,
      currentStage: stays.currentStage,
      exitedAt: stays.exitedAt,
      exitOutcome: stays.exitOutcome,
      exitDestination: stays.exitDestination,
    })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(eq(stays.personId, header.person.id))
    .orderBy(desc(stays.admittedAt))
    .all();
  return {
    ...header,
    // The records of the stays the actor may read; of the others, only where and when.
    stays: personStays.map((st) => {
      if (!canOnPanti(actor, "case:read", st.pantiId)) return { ...st, records: null };
      const followUpRows = followUpsOf(st.id);
      return {
        ...st,
        records: {
          timeline: timelineOf({ stay: { ...st, followUps: followUpRows.length } }),
          assessments: assessmentsOf(st.id),
          plans: plansOf(actor, st.id),
          sessions: sessionsOf(st.id),
          tracing: familyOf(header.person.id, st.id).attempts,
          followUps: followUpRows,
          incidents: incidentsOfStay(actor, st.pantiId, st.id),
          // What left (or was prepared to leave) for a partner province.
          handoffs: handoffsOfStay(actor, st.pantiId, st.id),
          tracingRequests: tracingOfStay(actor, st.pantiId, st.id),
        },
      };
    }),
    contacts: familyOf(header.person.id, stayId).contacts,
    identity: identityOf(header.person.id),
    consents: consentsOfPerson(actor, pantiId, header.person.id).rows,
    reads: readLogOfPerson(actor, pantiId, header.person.id, 1, "case:summary")!.rows,
  };
}

/** The consent page: the person's decisions so far and the state per purpose. */
export function consentFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "consent");
  if (!header) return null;
  return { ...header, consents: consentsOfPerson(actor, pantiId, header.person.id) };
}

/** The restriction page: who the person is (as the actor may see it) and the mark. */
export function restrictionFormData(actor: Actor, pantiId: number, stayId: number) {
  return openCase(actor, pantiId, stayId, "restriction");
}

export function sessionFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = openCase(actor, pantiId, stayId, "session_new");
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open) };
}

/**
 * One session of a stay of the panti. The confidential note is selected only when the actor may
 * read notes there, and then inside a write transaction that records the read in the audit log.
 */
export function readSession(actor: Actor, pantiId: number, stayId: number, sessionId: number, now = new Date()) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header) return null;
  const session = db
    .select({
      id: psychosocialSessions.id,
      pantiId: psychosocialSessions.pantiId,
      serviceCode: psychosocialSessions.serviceCode,
      mode: psychosocialSessions.mode,
      providerName: psychosocialSessions.providerName,
      sessionAt: psychosocialSessions.sessionAt,
      durationMinutes: psychosocialSessions.durationMinutes,
      summary: psychosocialSessions.summary,
      followUp: psychosocialSessions.followUp,
      createdAt: psychosocialSessions.createdAt,
      createdByName: recorder.name,
    })
    .from(psychosocialSessions)
    .innerJoin(sessionParticipants, and(eq(sessionParticipants.sessionId, psychosocialSessions.id), eq(sessionParticipants.stayId, stayId)))
    .leftJoin(recorder, eq(recorder.id, psychosocialSessions.createdBy))
    .where(and(eq(psychosocialSessions.id, sessionId), eq(psychosocialSessions.pantiId, pantiId)))
    .get();
  if (!session) return null;
  // Logged once the session is found: a 404 writes nothing.
  recordCaseRead(actor, header, "session", now);
  const participants = db
    .select({ stayId: stays.id, name: persons.name, unidentified: persons.unidentified, sex: persons.sex, ...restrictionColumns() })
    .from(sessionParticipants)
    .innerJoin(stays, eq(stays.id, sessionParticipants.stayId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .where(and(eq(sessionParticipants.sessionId, sessionId), eq(stays.pantiId, pantiId)))
    .orderBy(asc(persons.name))
    .all()
    .map((p) => ({ stayId: p.stayId, displayName: shownIdentity(actor, p).displayName }));
  const note = canReadNotes(actor, pantiId) ? readNote(actor, pantiId, stayId, sessionId, now) : undefined;
  return {
    ...header,
    can: caseAbilities(actor, pantiId, header.stay.open),
    session,
    participants,
    /** Present only for those who may read it (null: no note was written). */
    confidential: note === undefined ? null : { note },
  };
}

/** Reads a session's confidential note and logs the read, in one write transaction. */
export function readNote(actor: Actor, pantiId: number, stayId: number, sessionId: number, now = new Date()): string | null {
  if (!canReadNotes(actor, pantiId)) throw new Error("readNote: the actor may not read notes in this panti");
  return writeTransaction((tx) => {
    const row = tx
      .select({ note: psychosocialSessions.note })
      .from(psychosocialSessions)
      .where(and(eq(psychosocialSessions.id, sessionId), eq(psychosocialSessions.pantiId, pantiId)))
      .get();
    if (!row) return null;
    appendAudit(tx, {
      actorId: actor.id,
      action: "psychosocial.note_read",
      entity: "psychosocial_session",
      entityId: sessionId,
      pantiId,
      after: { stayId, hasNote: row.note != null },
      at: now,
    });
    return row.note;
  });
}

// ---------------------------------------------------------------------------
// Lists of the panti
// ---------------------------------------------------------------------------

export const RESIDENTS_PAGE_SIZE = 50;

/** The panti's residents (open stays, or stays that ended), newest admission first. */
export function residentsOfPanti(actor: Actor, pantiId: number, filters: ResidentFilters, now = new Date()) {
  const profile = pantiSummary(pantiId);
  if (!profile) return null;
  const where = and(
    onePantiWhere(actor, "case:read", pantiId, stays.pantiId),
    filters.status === "open" ? isNull(stays.exitedAt) : sql`${stays.exitedAt} is not null`,
    filters.stage && filters.status === "open" ? eq(stays.currentStage, filters.stage) : undefined,
    // A search never matches a restricted person outside their panti by who they are.
    filters.q?.trim() ? and(namedToActor(actor), personSearchWhere(filters.q)) : undefined,
  );
  // One page of ids from the panti's stays index (persons joined only to search), then their rows.
  const order = [filters.status === "open" ? desc(stays.admittedAt) : desc(stays.exitedAt), desc(stays.id)];
  const searching = Boolean(filters.q?.trim());
  const matching = searching ? db.select({ id: stays.id }).from(stays).innerJoin(persons, eq(persons.id, stays.personId)) : db.select({ id: stays.id }).from(stays);
  const { ids, hasNext } = pageOfIds(matching.where(where).orderBy(...order), filters.page, RESIDENTS_PAGE_SIZE);
  const counted = searching
    ? { total: db.select({ n: count() }).from(stays).innerJoin(persons, eq(persons.id, stays.personId)).where(where).get()?.n ?? 0, exact: true }
    : boundedCount(stays, where);
  const located = db
    .select({ stayId: tracingAttempts.stayId })
    .from(tracingAttempts)
    .where(eq(tracingAttempts.result, "family_located"))
    .groupBy(tracingAttempts.stayId)
    .as("located");
  const rows = db
    .select({
      stayId: stays.id,
      personId: persons.id,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      nik: persons.nik,
      birthYear: persons.birthYear,
      birthDate: persons.birthDate,
      description: persons.description,
      admittedAt: stays.admittedAt,
      exitedAt: stays.exitedAt,
      exitOutcome: stays.exitOutcome,
      currentStage: stays.currentStage,
      reentry: stays.reentry,
      bedLabel: beds.label,
      familyLocated: located.stayId,
      ...restrictionColumns(),
    })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.stayId, stays.id), isNull(bedAssignments.toAt)))
    .leftJoin(beds, eq(beds.id, bedAssignments.bedId))
    .leftJoin(located, eq(located.stayId, stays.id))
    .where(inArray(stays.id, ids))
    .orderBy(...order)
    .all();
  const figures = pageFigures(filters.page, RESIDENTS_PAGE_SIZE, counted, hasNext);
  return {
    panti: profile,
    total: figures.total,
    totalExact: figures.totalExact,
    page: filters.page,
    pages: figures.pageCount,
    rows: rows.map((r) => {
      const shown = shownIdentity(actor, r);
      return {
      stayId: r.stayId,
      displayName: shown.displayName,
      masked: shown.masked,
      unidentified: r.unidentified,
      sex: r.sex,
      nik: shown.nik,
      birthYear: shown.birthYear,
      // Age in years (from the birth date, or about so many from the estimated year of birth).
      age: shown.masked ? null : r.birthDate ? ageOn(r.birthDate, now) : r.birthYear != null ? Number(jakartaDate(now).slice(0, 4)) - r.birthYear : null,
      ageEstimated: !r.birthDate,
      description: shown.masked ? null : snippet(r.description),
      admittedAt: r.admittedAt,
      exitedAt: r.exitedAt,
      exitOutcome: r.exitOutcome,
      stage: r.currentStage as RehabilitationStage,
      reentry: r.reentry,
      bedLabel: r.bedLabel,
      familyLocated: r.familyLocated != null,
      };
    }),
  };
}

export const SESSIONS_PAGE_SIZE = 50;

/** The panti's psychosocial sessions, newest first, with their participants. No notes. */
export function sessionsOfPanti(actor: Actor, pantiId: number, filters: { serviceCode?: string; page: number }) {
  const profile = pantiSummary(pantiId);
  if (!profile) return null;
  const where = and(
    onePantiWhere(actor, "case:read", pantiId, psychosocialSessions.pantiId),
    filters.serviceCode ? eq(psychosocialSessions.serviceCode, filters.serviceCode) : undefined,
  );
  const total = db.select({ n: count() }).from(psychosocialSessions).where(where).get()?.n ?? 0;
  const sessions = db
    .select({
      id: psychosocialSessions.id,
      serviceCode: psychosocialSessions.serviceCode,
      mode: psychosocialSessions.mode,
      providerName: psychosocialSessions.providerName,
      sessionAt: psychosocialSessions.sessionAt,
      durationMinutes: psychosocialSessions.durationMinutes,
      summary: psychosocialSessions.summary,
    })
    .from(psychosocialSessions)
    .where(where)
    .orderBy(desc(psychosocialSessions.sessionAt), desc(psychosocialSessions.id))
    .limit(SESSIONS_PAGE_SIZE)
    .offset((filters.page - 1) * SESSIONS_PAGE_SIZE)
    .all();
  const participants = sessions.length
    ? db
        .select({
          sessionId: sessionParticipants.sessionId,
          stayId: stays.id,
          name: persons.name,
          unidentified: persons.unidentified,
          sex: persons.sex,
          ...restrictionColumns(),
        })
        .from(sessionParticipants)
        .innerJoin(stays, eq(stays.id, sessionParticipants.stayId))
        .innerJoin(persons, eq(persons.id, stays.personId))
        .where(and(inArray(sessionParticipants.sessionId, sessions.map((s) => s.id)), eq(stays.pantiId, pantiId)))
        .all()
    : [];
  return {
    panti: profile,
    total,
    page: filters.page,
    pages: Math.max(1, Math.ceil(total / SESSIONS_PAGE_SIZE)),
    rows: sessions.map((s) => ({
      ...s,
      participants: participants
        .filter((p) => p.sessionId === s.id)
        .map((p) => ({ stayId: p.stayId, displayName: shownIdentity(actor, p).displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    })),
  };
}

/** The panti and all its current residents (bounded by its census), for the group-session form: its own residents, named. */
export function groupSessionFormData(actor: Actor, pantiId: number) {
  const profile = db.select({ id: panti.id, name: panti.name, code: panti.code }).from(panti).where(eq(panti.id, pantiId)).get();
  if (!profile) return null;
  const residents = db
    .select({ stayId: stays.id, name: persons.name, unidentified: persons.unidentified, sex: persons.sex, bedLabel: beds.label })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.stayId, stays.id), isNull(bedAssignments.toAt)))
    .leftJoin(beds, eq(beds.id, bedAssignments.bedId))
    .where(and(onePantiWhere(actor, "psychosocial:write", pantiId, stays.pantiId), isNull(stays.exitedAt)))
    .orderBy(asc(persons.name), asc(stays.id))
    .all();
  return {
    panti: profile,
    residents: residents.map((r) => ({ stayId: r.stayId, displayName: displayName(r), bedLabel: r.bedLabel })),
  };
}

/** The panti's current residents whose consent for a purpose has expired, or null (no such panti). */
export function expiredConsentsOfPanti(actor: Actor, pantiId: number) {
  const profile = pantiSummary(pantiId);
  if (!profile) return null;
  return { panti: profile, rows: expiredConsents(actor, pantiId) };
}

/** The panti's name and code (for list pages), or null. */
export function pantiSummary(pantiId: number) {
  return db.select({ id: panti.id, name: panti.name, code: panti.code, type: panti.type }).from(panti).where(eq(panti.id, pantiId)).get() ?? null;
}
