/**
 * Writes to the resident case file: stage moves, the assessment, the intervention plan and its
 * reviews, family tracing and identity documents. Each use case runs in one transaction, checks
 * permission and scope again (another panti's stay is not found), and appends to the audit log.
 */
import { and, count, eq, inArray, ne, notExists } from "drizzle-orm";
import {
  approvals,
  assessments,
  familyContacts,
  identitySteps,
  interventionPlans,
  panti,
  persons,
  planReviews,
  sessionParticipants,
  stageHistory,
  stays,
  tracingAttempts,
} from "#db/schema";
import {
  checkStageMove,
  clusterRequired,
  isFutureDate,
  isFutureInstant,
  type AssessmentInput,
  type FamilyContactInput,
  type IdentityStepInput,
  type PlanInput,
  type PlanReviewInput,
  type StageMoveInput,
  type StageRecords,
  type TracingAttemptInput,
} from "~/domain/case-file";
import { PLAN_APPROVER_LEVEL, planVersion } from "~/domain/approvals";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import type { Actor, Permission } from "~/domain/permissions";
import { jakartaDate } from "~/domain/time";
import { requestApproval, supersedeEarlierPlans } from "./approvals.server";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { authorizePanti } from "./guard.server";

/** Which stay of which panti: the route's parameters, so that scope is part of every lookup. */
export interface StayRef {
  pantiId: number;
  stayId: number;
}

/**
 * The stay in the actor's scope, for a write: not found when it is not in that panti (or the
 * actor may not write there), forbidden when the role cannot write at all, a conflict once the
 * stay is closed.
 */
export function stayForWrite(
  tx: Tx,
  actor: Actor,
  ref: StayRef,
  permission: Permission = "case:write",
  closedKey = "caseFile.error.closed",
) {
  authorizePanti(actor, permission, ref.pantiId);
  const row = tx
    .select({ stay: stays, person: persons, pantiType: panti.type, pantiName: panti.name })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(eq(stays.id, ref.stayId), eq(stays.pantiId, ref.pantiId)))
    .get();
  if (!row) throw new NotFound("stay");
  if (row.stay.exitedAt) throw new Conflict(closedKey);
  return row;
}

/** What the stage rules need to know about a stay's records. */
export function stageRecords(tx: Tx, stayId: number): StageRecords {
  const n = (value: { n: number } | undefined) => value?.n ?? 0;
  return {
    assessments: n(tx.select({ n: count() }).from(assessments).where(eq(assessments.stayId, stayId)).get()),
    // A plan counts once approved (a draft is not yet the plan); plans from before approvals
    // existed have no request and count as they did.
    plans: n(
      tx
        .select({ n: count() })
        .from(interventionPlans)
        .where(
          and(
            eq(interventionPlans.stayId, stayId),
            notExists(
              tx
                .select({ id: approvals.id })
                .from(approvals)
                .where(and(eq(approvals.kind, "plan"), eq(approvals.subjectId, interventionPlans.id), ne(approvals.status, "approved"))),
            ),
          ),
        )
        .get(),
    ),
    planReviews: n(
      tx
        .select({ n: count() })
        .from(planReviews)
        .innerJoin(interventionPlans, eq(interventionPlans.id, planReviews.planId))
        .where(eq(interventionPlans.stayId, stayId))
        .get(),
    ),
    sessions: n(tx.select({ n: count() }).from(sessionParticipants).where(eq(sessionParticipants.stayId, stayId)).get()),
  };
}

/** Moves a stay to another working stage: forward one at a time with its record, back with a reason. */
export function moveStage(actor: Actor, ref: StayRef, input: StageMoveInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay } = stayForWrite(tx, actor, ref);
    if (stay.currentStage !== input.from) throw new Conflict("error.stale");
    const check = checkStageMove({
      from: stay.currentStage,
      to: input.to,
      reason: input.reason,
      records: stageRecords(tx, stay.id),
      exited: stay.exitedAt != null,
    });
    if (!check.ok) {
      if (check.field === "_form") throw new Conflict(check.messageKey);
      throw new InvalidInput({ [check.field]: [check.messageKey] });
    }
    const reason = input.reason?.trim() || null;
    tx.insert(stageHistory).values({ stayId: stay.id, stage: input.to, enteredAt: now, reason, recordedBy: actor.id }).run();
    tx.update(stays).set({ currentStage: input.to }).where(eq(stays.id, stay.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "stay.stage",
      entity: "stay",
      entityId: stay.id,
      pantiId: stay.pantiId,
      before: { stage: stay.currentStage },
      after: { stage: input.to, direction: check.direction, reason },
      at: now,
    });
    return { stayId: stay.id, stage: input.to, direction: check.direction };
  });
}

export function recordAssessment(actor: Actor, ref: StayRef, input: AssessmentInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay, pantiType } = stayForWrite(tx, actor, ref);
    if (clusterRequired(pantiType) && !input.cluster) throw new InvalidInput({ cluster: ["caseFile.assessment.error.cluster"] });
    if (isFutureDate(input.assessedOn, now)) throw new InvalidInput({ assessedOn: ["error.future"] });
    if (input.assessedOn < jakartaDate(stay.admittedAt)) throw new InvalidInput({ assessedOn: ["caseFile.error.beforeAdmission"] });
    const row = tx
      .insert(assessments)
      .values({
        stayId: stay.id,
        assessedOn: input.assessedOn,
        problems: input.problems,
        strengths: input.strengths ?? null,
        familySituation: input.familySituation ?? null,
        health: input.health ?? null,
        cluster: input.cluster ?? null,
        summary: input.summary ?? null,
        recordedBy: actor.id,
      })
      .returning({ id: assessments.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "assessment.create",
      entity: "assessment",
      entityId: row.id,
      pantiId: stay.pantiId,
      after: { stayId: stay.id, ...input },
      at: now,
    });
    return { assessmentId: row.id };
  });
}

export function recordPlan(actor: Actor, ref: StayRef, input: PlanInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay } = stayForWrite(tx, actor, ref);
    if (isFutureDate(input.createdOn, now)) throw new InvalidInput({ createdOn: ["error.future"] });
    if (input.createdOn < jakartaDate(stay.admittedAt)) throw new InvalidInput({ createdOn: ["caseFile.error.beforeAdmission"] });
    const row = tx
      .insert(interventionPlans)
      .values({ stayId: stay.id, createdOn: input.createdOn, goals: input.goals, recordedBy: actor.id })
      .returning({ id: interventionPlans.id })
      .get();
    // A plan is a draft until a second person approves it (docs/decisions/022-approvals.md); a
    // newer plan replaces the earlier drafts still waiting.
    supersedeEarlierPlans(tx, actor, stay.id, now);
    const approvalId = requestApproval(
      tx,
      actor,
      { kind: "plan", subjectId: row.id, pantiId: stay.pantiId, stayId: stay.id, personId: stay.personId, level: PLAN_APPROVER_LEVEL, version: planVersion(input) },
      now,
    );
    appendAudit(tx, {
      actorId: actor.id,
      action: "plan.create",
      entity: "intervention_plan",
      entityId: row.id,
      pantiId: stay.pantiId,
      after: { stayId: stay.id, ...input },
      at: now,
    });
    return { planId: row.id, approvalId };
  });
}

/** Reviews a plan of the stay: the notes, and each goal's status after the review. */
export function recordPlanReview(actor: Actor, ref: StayRef, input: PlanReviewInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay } = stayForWrite(tx, actor, ref);
    const plan = tx
      .select()
      .from(interventionPlans)
      .where(and(eq(interventionPlans.id, input.planId), eq(interventionPlans.stayId, stay.id)))
      .get();
    if (!plan) throw new NotFound("intervention_plan");
    if (isFutureDate(input.reviewedOn, now)) throw new InvalidInput({ reviewedOn: ["error.future"] });
    if (input.reviewedOn < plan.createdOn) throw new InvalidInput({ reviewedOn: ["caseFile.review.error.beforePlan"] });
    const goals = plan.goals.map((goal, i) => ({ ...goal, status: input.goals[i]?.status ?? goal.status }));
    const changed = goals.some((g, i) => g.status !== plan.goals[i]!.status);
    if (changed) tx.update(interventionPlans).set({ goals }).where(eq(interventionPlans.id, plan.id)).run();
    const row = tx
      .insert(planReviews)
      .values({ planId: plan.id, reviewedOn: input.reviewedOn, notes: input.notes, recordedBy: actor.id })
      .returning({ id: planReviews.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "plan.review",
      entity: "intervention_plan",
      entityId: plan.id,
      pantiId: stay.pantiId,
      before: changed ? { goals: plan.goals.map((g) => g.status) } : undefined,
      after: { reviewId: row.id, reviewedOn: input.reviewedOn, notes: input.notes, goals: goals.map((g) => g.status) },
      at: now,
    });
    return { reviewId: row.id, planId: plan.id };
  });
}

export function addFamilyContact(actor: Actor, ref: StayRef, input: FamilyContactInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay } = stayForWrite(tx, actor, ref);
    const row = tx
      .insert(familyContacts)
      .values({
        personId: stay.personId,
        name: input.name,
        relation: input.relation,
        phone: input.phone ?? null,
        address: input.address ?? null,
        notes: input.notes ?? null,
        recordedBy: actor.id,
      })
      .returning({ id: familyContacts.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "family_contact.create",
      entity: "family_contact",
      entityId: row.id,
      pantiId: stay.pantiId,
      after: { stayId: stay.id, personId: stay.personId, ...input },
      at: now,
    });
    return { contactId: row.id };
  });
}

export function recordTracingAttempt(actor: Actor, ref: StayRef, input: TracingAttemptInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay } = stayForWrite(tx, actor, ref);
    if (isFutureInstant(input.attemptedAt, now)) throw new InvalidInput({ attemptedAt: ["error.future"] });
    if (input.attemptedAt.getTime() < stay.admittedAt.getTime()) throw new InvalidInput({ attemptedAt: ["caseFile.error.beforeAdmission"] });
    if (input.contactId != null) {
      const contact = tx
        .select({ id: familyContacts.id })
        .from(familyContacts)
        .where(and(eq(familyContacts.id, input.contactId), eq(familyContacts.personId, stay.personId)))
        .get();
      if (!contact) throw new InvalidInput({ contactId: ["error.choose_option"] });
    }
    const row = tx
      .insert(tracingAttempts)
      .values({
        stayId: stay.id,
        contactId: input.contactId ?? null,
        attemptedAt: input.attemptedAt,
        channel: input.channel,
        result: input.result,
        notes: input.notes ?? null,
        recordedBy: actor.id,
      })
      .returning({ id: tracingAttempts.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "tracing_attempt.create",
      entity: "tracing_attempt",
      entityId: row.id,
      pantiId: stay.pantiId,
      after: { stayId: stay.id, ...input, attemptedAt: input.attemptedAt.toISOString() },
      at: now,
    });
    return { attemptId: row.id, familyLocated: input.result === "family_located" };
  });
}

/**
 * Records a step towards a document. An issued NIK for a person without one becomes the person's
 * NIK (unique: a NIK already held by someone else is a field error) and identifies them: a person
 * recorded as unidentified must then be given a name. An issued KK becomes the person's KK.
 */
export function recordIdentityStep(actor: Actor, ref: StayRef, input: IdentityStepInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay, person } = stayForWrite(tx, actor, ref);
    if (isFutureDate(input.stepOn, now)) throw new InvalidInput({ stepOn: ["error.future"] });

    let identified = false;
    if (input.status === "issued" && input.document === "nik" && input.number) {
      if (person.nik && person.nik !== input.number) throw new InvalidInput({ number: ["caseFile.identity.error.nikDiffers"] });
      if (!person.nik) {
        const holder = tx
          .select({ id: persons.id })
          .from(persons)
          .where(and(eq(persons.nik, input.number), ne(persons.id, person.id)))
          .get();
        if (holder) throw new InvalidInput({ number: ["caseFile.identity.error.nikTaken"] });
        const name = input.name ?? person.name;
        if (!name) throw new InvalidInput({ name: ["caseFile.identity.error.nameRequired"] });
        tx.update(persons).set({ nik: input.number, name, unidentified: false }).where(eq(persons.id, person.id)).run();
        identified = true;
        appendAudit(tx, {
          actorId: actor.id,
          action: "person.identify",
          entity: "person",
          entityId: person.id,
          pantiId: stay.pantiId,
          before: { nik: person.nik, name: person.name, unidentified: person.unidentified },
          after: { nik: input.number, name, unidentified: false },
          at: now,
        });
      }
    }
    if (input.status === "issued" && input.document === "kk" && input.number && person.kk !== input.number) {
      tx.update(persons).set({ kk: input.number }).where(eq(persons.id, person.id)).run();
      appendAudit(tx, {
        actorId: actor.id,
        action: "person.kk",
        entity: "person",
        entityId: person.id,
        pantiId: stay.pantiId,
        before: { kk: person.kk },
        after: { kk: input.number },
        at: now,
      });
    }
    const row = tx
      .insert(identitySteps)
      .values({
        personId: person.id,
        document: input.document,
        status: input.status,
        stepOn: input.stepOn,
        number: input.number ?? null,
        notes: input.notes ?? null,
        recordedBy: actor.id,
      })
      .returning({ id: identitySteps.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "identity_step.create",
      entity: "identity_step",
      entityId: row.id,
      pantiId: stay.pantiId,
      after: { stayId: stay.id, personId: person.id, document: input.document, status: input.status, stepOn: input.stepOn, number: input.number ?? null },
      at: now,
    });
    return { stepId: row.id, identified };
  });
}

/** Stays (ids) of the panti that are open: for checking the residents of a group session. */
export function openStaysOfPanti(tx: Tx, pantiId: number, stayIds: readonly number[]) {
  if (stayIds.length === 0) return [];
  return tx
    .select({ id: stays.id, admittedAt: stays.admittedAt, exitedAt: stays.exitedAt })
    .from(stays)
    .where(and(inArray(stays.id, [...stayIds]), eq(stays.pantiId, pantiId)))
    .all();
}
