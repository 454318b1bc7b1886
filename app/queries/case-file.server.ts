/**
 * Read models for the resident case file, the panti's residents list and its psychosocial
 * sessions. Scope is in every `where`: a stay is looked up with its panti, so another panti's stay
 * is simply not found.
 *
 * Confidential notes: no query here selects `psychosocial_sessions.note` except `readSession`,
 * and only for an actor who may read notes in that panti; each such read is written to the audit
 * log (action "psychosocial.note_read") in the same write transaction that reads it.
 */
import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  assessments,
  bedAssignments,
  beds,
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
import { canOnPanti, type Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { REHABILITATION_STAGE_CODES, type RehabilitationStage } from "~/domain/reference";
import { appendAudit, writeTransaction } from "~/services/audit.server";
import { ageOn, toJakartaParts } from "~/domain/time";
import { db } from "~/utils/db.server";
import { onePantiWhere } from "./scope.server";
import { boundedCount, pageFigures, pageOfIds } from "./paging.server";

const recorder = aliasedTable(users, "recorder");

// ---------------------------------------------------------------------------
// The stay and its header
// ---------------------------------------------------------------------------

/** A stay of the panti with its person and panti, or null (not found or another panti's). */
export function caseHeader(actor: Actor, pantiId: number, stayId: number) {
  const row = db
    .select({
      stay: stays,
      person: persons,
      panti: { id: panti.id, code: panti.code, name: panti.name, type: panti.type, address: panti.address, kota: panti.kota },
    })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(eq(stays.id, stayId), onePantiWhere(actor, "case:read", pantiId, stays.pantiId)))
    .get();
  if (!row) return null;
  const followUpCount = db.select({ n: count() }).from(followUps).where(eq(followUps.stayId, stayId)).get()?.n ?? 0;
  const { stay, person } = row;
  const now = new Date();
  const age = person.birthDate
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
      name: person.name,
      displayName: displayName(person),
      unidentified: person.unidentified,
      description: person.description,
      nik: person.nik,
      kk: person.kk,
      sex: person.sex,
      birthDate: person.birthDate,
      age,
      ageEstimated: !person.birthDate,
      originProvince: person.originProvince,
      originCity: person.originCity,
      ppksCategory: person.ppksCategory,
      disabilitySubtypes: person.disabilitySubtypes,
    },
    panti: row.panti,
  };
}
export type CaseHeader = NonNullable<ReturnType<typeof caseHeader>>;

/** What the actor may do on this case (the page shows only the actions that will work). */
function caseAbilities(actor: Actor, pantiId: number, open: boolean) {
  return {
    write: open && canOnPanti(actor, "case:write", pantiId),
    recordSession: open && canOnPanti(actor, "psychosocial:write", pantiId),
    readNotes: canOnPanti(actor, "psychosocial:note", pantiId),
    exit: canOnPanti(actor, "stay:exit", pantiId),
    move: open && canOnPanti(actor, "resident:move", pantiId),
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

function timelineOf(header: CaseHeader) {
  const history = db
    .select({ stage: stageHistory.stage, enteredAt: stageHistory.enteredAt, reason: stageHistory.reason, recordedByName: recorder.name })
    .from(stageHistory)
    .leftJoin(recorder, eq(recorder.id, stageHistory.recordedBy))
    .where(eq(stageHistory.stayId, header.stay.id))
    .orderBy(asc(stageHistory.enteredAt), asc(stageHistory.id))
    .all();
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

function stayHistoryOf(actor: Actor, personId: number) {
  const rows = db
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
    .where(eq(stays.personId, personId))
    .orderBy(desc(stays.admittedAt))
    .all();
  // Every stay of the person is listed (where and when they were, and how it ended); only the
  // stays the actor may read link to their case file.
  return rows.map((r) => ({ ...r, canOpen: canOnPanti(actor, "case:read", r.pantiId) }));
}

function currentBedOf(stayId: number) {
  return (
    db
      .select({ label: beds.label, roomName: rooms.name, overflow: beds.overflow, since: bedAssignments.fromAt })
      .from(bedAssignments)
      .innerJoin(beds, eq(beds.id, bedAssignments.bedId))
      .innerJoin(rooms, eq(rooms.id, beds.roomId))
      .where(and(eq(bedAssignments.stayId, stayId), isNull(bedAssignments.toAt)))
      .get() ?? null
  );
}

function assessmentsOf(stayId: number) {
  return db
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
    .where(eq(assessments.stayId, stayId))
    .orderBy(desc(assessments.assessedOn), desc(assessments.id))
    .all();
}

function plansOf(stayId: number) {
  const plans = db
    .select({
      id: interventionPlans.id,
      createdOn: interventionPlans.createdOn,
      goals: interventionPlans.goals,
      recordedByName: recorder.name,
    })
    .from(interventionPlans)
    .leftJoin(recorder, eq(recorder.id, interventionPlans.recordedBy))
    .where(eq(interventionPlans.stayId, stayId))
    .orderBy(desc(interventionPlans.createdOn), desc(interventionPlans.id))
    .all();
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
  return plans.map((p) => ({ ...p, reviews: reviews.filter((r) => r.planId === p.id) }));
}

/** The sessions a stay took part in: what took place, never the confidential note. */
function sessionsOf(stayId: number) {
  const participantCount = db
    .select({ sessionId: sessionParticipants.sessionId, n: count().as("n") })
    .from(sessionParticipants)
    .groupBy(sessionParticipants.sessionId)
    .as("participant_count");
  return db
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
    .where(eq(sessionParticipants.stayId, stayId))
    .orderBy(desc(psychosocialSessions.sessionAt), desc(psychosocialSessions.id))
    .all();
}

function enrolmentsOf(stayId: number) {
  return db
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
    .where(eq(enrolments.stayId, stayId))
    .orderBy(desc(enrolments.enrolledAt))
    .all();
}

function familyOf(personId: number, stayId: number) {
  const contacts = db
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
    .where(eq(familyContacts.personId, personId))
    .orderBy(asc(familyContacts.id))
    .all();
  const attempts = db
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
    .where(eq(tracingAttempts.stayId, stayId))
    .orderBy(desc(tracingAttempts.attemptedAt), desc(tracingAttempts.id))
    .all();
  return { contacts, attempts, located: familyLocated(attempts) };
}

function identityOf(personId: number) {
  const steps = db
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
    .where(eq(identitySteps.personId, personId))
    .orderBy(desc(identitySteps.stepOn), desc(identitySteps.id))
    .all();
  return { steps, status: identityStatus(steps) };
}

function followUpsOf(stayId: number) {
  return db
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
    .where(eq(followUps.stayId, stayId))
    .orderBy(asc(followUps.sequence))
    .all();
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

/** Everything the case file page shows for a stay of the panti, or null (404). No notes. */
export function caseFile(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header) return null;
  const timeline = timelineOf(header);
  const entered = stageEnteredOn(timeline);
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
    stayHistory: stayHistoryOf(actor, header.person.id),
    bed: currentBedOf(stayId),
    assessments: assessmentsOf(stayId),
    plans: plansOf(stayId),
    sessions: sessionsOf(stayId),
    enrolments: enrolmentsOf(stayId),
    family: familyOf(header.person.id, stayId),
    identity: identityOf(header.person.id),
    followUps: followUpsOf(stayId),
  };
}

/** The stage page: the current stage, the moves possible now and the history of moves. */
export function stageFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
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
  const header = caseHeader(actor, pantiId, stayId);
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), assessments: assessmentsOf(stayId) };
}

export function planFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), plans: plansOf(stayId) };
}

export function familyFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), family: familyOf(header.person.id, stayId) };
}

export function identityFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header) return null;
  return { ...header, can: caseAbilities(actor, pantiId, header.stay.open), identity: identityOf(header.person.id) };
}

export function sessionFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
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
  const participants = db
    .select({ stayId: stays.id, name: persons.name, unidentified: persons.unidentified, sex: persons.sex })
    .from(sessionParticipants)
    .innerJoin(stays, eq(stays.id, sessionParticipants.stayId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .where(and(eq(sessionParticipants.sessionId, sessionId), eq(stays.pantiId, pantiId)))
    .orderBy(asc(persons.name))
    .all()
    .map((p) => ({ stayId: p.stayId, displayName: displayName(p) }));
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
export function residentsOfPanti(actor: Actor, pantiId: number, filters: ResidentFilters) {
  const profile = pantiSummary(pantiId);
  if (!profile) return null;
  const q = filters.q?.trim();
  const pattern = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    onePantiWhere(actor, "case:read", pantiId, stays.pantiId),
    filters.status === "open" ? isNull(stays.exitedAt) : sql`${stays.exitedAt} is not null`,
    filters.stage && filters.status === "open" ? eq(stays.currentStage, filters.stage) : undefined,
    pattern
      ? or(
          sql`${persons.name} like ${pattern} escape '\\'`,
          sql`${persons.nik} like ${pattern} escape '\\'`,
          sql`${persons.description} like ${pattern} escape '\\'`,
        )
      : undefined,
  );
  // One page of ids from the panti's stays index (persons joined only to search), then their rows.
  const order = [filters.status === "open" ? desc(stays.admittedAt) : desc(stays.exitedAt), desc(stays.id)];
  const matching = pattern ? db.select({ id: stays.id }).from(stays).innerJoin(persons, eq(persons.id, stays.personId)) : db.select({ id: stays.id }).from(stays);
  const { ids, hasNext } = pageOfIds(matching.where(where).orderBy(...order), filters.page, RESIDENTS_PAGE_SIZE);
  const counted = pattern
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
      admittedAt: stays.admittedAt,
      exitedAt: stays.exitedAt,
      exitOutcome: stays.exitOutcome,
      currentStage: stays.currentStage,
      reentry: stays.reentry,
      bedLabel: beds.label,
      familyLocated: located.stayId,
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
    rows: rows.map((r) => ({
      stayId: r.stayId,
      displayName: displayName(r),
      unidentified: r.unidentified,
      sex: r.sex,
      nik: r.nik,
      birthYear: r.birthYear,
      admittedAt: r.admittedAt,
      exitedAt: r.exitedAt,
      exitOutcome: r.exitOutcome,
      stage: r.currentStage as RehabilitationStage,
      reentry: r.reentry,
      bedLabel: r.bedLabel,
      familyLocated: r.familyLocated != null,
    })),
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
        .map((p) => ({ stayId: p.stayId, displayName: displayName(p) }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    })),
  };
}

/** The panti and all its current residents (bounded by its census), for the group-session form. */
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

/** The panti's name and code (for list pages), or null. */
export function pantiSummary(pantiId: number) {
  return db.select({ id: panti.id, name: panti.name, code: panti.code, type: panti.type }).from(panti).where(eq(panti.id, pantiId)).get() ?? null;
}
