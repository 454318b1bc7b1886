/**
 * Rehabilitation programmes: the module catalogue, classes, enrolment, attendance, module
 * progress, completion with a certificate, and the outcome after the class. Each use case runs in
 * one transaction, checks permission and scope again (routes have checked already) and appends
 * to the audit log.
 */
import { and, asc, desc, eq, inArray, like, max } from "drizzle-orm";
import {
  attendance,
  classInstructors,
  classSessions,
  classes,
  enrolments,
  moduleProgress,
  panti,
  programmeModules,
  programmes,
  stays,
  users,
} from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { grantFor, hasPermission, PermissionDenied, type Actor } from "~/domain/permissions";
import {
  attendanceRow,
  certificateNumber,
  certificatePrefix,
  certificateYear,
  checkSessionDate,
  classAccess,
  classPhase,
  completionCheck,
  enrolmentWindow,
  initialClassStatus,
  nextCertificateSequence,
  onRoll,
  roundedRate,
  seatsTaken,
  type AddModuleInput,
  type AttendanceSheetInput,
  type ClassInput,
  type ClassPermission,
  type OutcomeInput,
  type ProgressInput,
  type RenameModuleInput,
} from "~/domain/programmes";
import type { AttendanceCode, ProgressStatus } from "~/domain/enums";
import { jakartaDate } from "~/domain/time";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { authorizePanti } from "./guard.server";

// ---------------------------------------------------------------------------------------------
// Catalogue (programme:manage)
// ---------------------------------------------------------------------------------------------

function requireCatalogueManager(actor: Actor) {
  if (!hasPermission(actor, "programme:manage")) throw new PermissionDenied("programme:manage");
}

/** Adds a module (competency) at the end of a programme's list. */
export function addModule(actor: Actor, input: AddModuleInput, now = new Date()) {
  return writeTransaction((tx) => {
    requireCatalogueManager(actor);
    const programme = tx.select().from(programmes).where(eq(programmes.code, input.programmeCode)).get();
    if (!programme) throw new InvalidInput({ programmeCode: ["programme.error.unknown"] });
    const taken = tx
      .select({ id: programmeModules.id })
      .from(programmeModules)
      .where(and(eq(programmeModules.programmeCode, programme.code), eq(programmeModules.code, input.code)))
      .get();
    if (taken) throw new InvalidInput({ code: ["programme.error.codeTaken"] });
    const last = tx
      .select({ position: max(programmeModules.position) })
      .from(programmeModules)
      .where(eq(programmeModules.programmeCode, programme.code))
      .get();
    const row = tx
      .insert(programmeModules)
      .values({ programmeCode: programme.code, code: input.code, nameId: input.nameId, nameEn: input.nameEn, position: (last?.position ?? 0) + 1 })
      .returning()
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "programme_module.create",
      entity: "programme_module",
      entityId: row.id,
      after: { programmeCode: row.programmeCode, code: row.code, nameId: row.nameId, nameEn: row.nameEn, position: row.position },
      at: now,
    });
    return row;
  });
}

function moduleById(tx: Tx, moduleId: number) {
  const row = tx.select().from(programmeModules).where(eq(programmeModules.id, moduleId)).get();
  if (!row) throw new NotFound("programme_module");
  return row;
}

export function renameModule(actor: Actor, input: RenameModuleInput, now = new Date()) {
  return writeTransaction((tx) => {
    requireCatalogueManager(actor);
    const row = moduleById(tx, input.moduleId);
    if (row.nameId === input.nameId && row.nameEn === input.nameEn) return row;
    tx.update(programmeModules).set({ nameId: input.nameId, nameEn: input.nameEn }).where(eq(programmeModules.id, row.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "programme_module.rename",
      entity: "programme_module",
      entityId: row.id,
      before: { nameId: row.nameId, nameEn: row.nameEn },
      after: { nameId: input.nameId, nameEn: input.nameEn },
      at: now,
    });
    return { ...row, nameId: input.nameId, nameEn: input.nameEn };
  });
}

/**
 * Deactivates a module (it no longer counts towards completion; recorded progress is kept) or
 * brings it back.
 */
export function setModuleActive(actor: Actor, input: { moduleId: number; active: boolean }, now = new Date()) {
  return writeTransaction((tx) => {
    requireCatalogueManager(actor);
    const row = moduleById(tx, input.moduleId);
    if (row.active === input.active) throw new Conflict("programme.error.sameState");
    tx.update(programmeModules).set({ active: input.active }).where(eq(programmeModules.id, row.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: input.active ? "programme_module.activate" : "programme_module.deactivate",
      entity: "programme_module",
      entityId: row.id,
      before: { active: row.active },
      after: { active: input.active },
      at: now,
    });
    return { ...row, active: input.active };
  });
}

// ---------------------------------------------------------------------------------------------
// Classes
// ---------------------------------------------------------------------------------------------

function loadClass(tx: Tx, classId: number) {
  const cls = tx.select().from(classes).where(eq(classes.id, classId)).get();
  if (!cls) throw new NotFound("class");
  const instructorIds = tx
    .select({ userId: classInstructors.userId })
    .from(classInstructors)
    .where(eq(classInstructors.classId, classId))
    .all()
    .map((r) => r.userId);
  return { ...cls, instructorIds };
}
type LoadedClass = ReturnType<typeof loadClass>;

/** 403 when the role lacks the permission, 404 when the class is not theirs. */
function authorizeClass(actor: Actor, permission: ClassPermission, cls: LoadedClass) {
  const access = classAccess(actor, permission, cls);
  if (access === "forbidden") throw new PermissionDenied(permission);
  if (access === "not_found") throw new NotFound("class");
}

/** Either permission will do (completion: the instructor who assessed, or the panti admin). */
function authorizeClassAny(actor: Actor, permissions: ClassPermission[], cls: LoadedClass) {
  const outcomes = permissions.map((p) => classAccess(actor, p, cls));
  if (outcomes.includes("allowed")) return;
  if (outcomes.includes("not_found")) throw new NotFound("class");
  throw new PermissionDenied(permissions[0]!);
}

/** Creates a class at the actor's panti (Dinsos: at the panti chosen) with its instructors. */
export function createClass(actor: Actor, input: ClassInput, now = new Date()) {
  return writeTransaction((tx) => {
    const grant = grantFor(actor.role, "class:manage");
    if (!grant || !hasPermission(actor, "class:manage")) throw new PermissionDenied("class:manage");
    let pantiId: number;
    if (grant === "any") {
      if (!input.pantiId) throw new InvalidInput({ pantiId: ["error.required"] });
      const target = tx.select({ id: panti.id }).from(panti).where(and(eq(panti.id, input.pantiId), eq(panti.active, true))).get();
      if (!target) throw new InvalidInput({ pantiId: ["placement.error.unknownPanti"] });
      pantiId = target.id;
    } else {
      pantiId = actor.pantiId!;
    }
    authorizePanti(actor, "class:manage", pantiId);

    const errors: Record<string, string[]> = {};
    const programme = tx.select().from(programmes).where(eq(programmes.code, input.programmeCode)).get();
    if (!programme) errors.programmeCode = ["programme.error.unknown"];
    const instructors = tx
      .select({ id: users.id, role: users.role, pantiId: users.pantiId, active: users.active })
      .from(users)
      .where(inArray(users.id, input.instructorIds))
      .all();
    const fit = instructors.filter((u) => u.role === "instructor" && u.active && u.pantiId === pantiId);
    if (fit.length !== input.instructorIds.length) errors.instructorIds = ["class.error.instructorNotHere"];
    const sameName = tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.pantiId, pantiId), eq(classes.name, input.name)))
      .get();
    if (sameName) errors.name = ["class.error.nameTaken"];
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);

    const row = tx
      .insert(classes)
      .values({
        pantiId,
        programmeCode: input.programmeCode,
        name: input.name,
        startDate: input.startDate,
        endDate: input.endDate,
        capacity: input.capacity,
        scheduleDays: input.scheduleDays,
        startTime: input.startTime,
        endTime: input.endTime,
        attendanceThreshold: input.attendanceThreshold,
        status: initialClassStatus(input.startDate, jakartaDate(now)),
        createdBy: actor.id,
        createdAt: now,
      })
      .returning()
      .get();
    tx.insert(classInstructors)
      .values(input.instructorIds.map((userId) => ({ classId: row.id, userId })))
      .run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "class.create",
      entity: "class",
      entityId: row.id,
      pantiId,
      after: { ...input, pantiId },
      at: now,
    });
    return row;
  });
}

/** Closes a class: no new sessions or enrolments afterwards (corrections and completions still). */
export function finishClass(actor: Actor, classId: number, now = new Date()) {
  return writeTransaction((tx) => {
    const cls = loadClass(tx, classId);
    authorizeClass(actor, "class:manage", cls);
    if (cls.status === "finished") throw new Conflict("class.error.alreadyFinished");
    tx.update(classes).set({ status: "finished" }).where(eq(classes.id, cls.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "class.finish",
      entity: "class",
      entityId: cls.id,
      pantiId: cls.pantiId,
      before: { status: cls.status },
      after: { status: "finished" },
      at: now,
    });
    return { classId: cls.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Enrolment
// ---------------------------------------------------------------------------------------------

/**
 * Enrols current residents of the class's panti: open stays only, each person once per class,
 * within the capacity. All or nothing; each refused resident gets an error of their own
 * (`stay.<stayId>`), capacity an error on the list.
 */
export function enrolResidents(actor: Actor, classId: number, stayIds: number[], now = new Date()) {
  return writeTransaction((tx) => {
    const cls = loadClass(tx, classId);
    authorizeClass(actor, "class:manage", cls);
    if (classPhase(cls, jakartaDate(now)) === "finished") throw new Conflict("enrolment.error.classFinished");
    const ids = [...new Set(stayIds)];
    const found = tx
      .select({ id: stays.id, pantiId: stays.pantiId, personId: stays.personId, exitedAt: stays.exitedAt })
      .from(stays)
      .where(inArray(stays.id, ids))
      .all();
    const byId = new Map(found.map((s) => [s.id, s]));
    const existing = tx
      .select({ personId: enrolments.personId, status: enrolments.status })
      .from(enrolments)
      .where(eq(enrolments.classId, cls.id))
      .all();
    const enrolledPersons = new Set(existing.map((e) => e.personId));

    const errors: Record<string, string[]> = {};
    const accepted: { stayId: number; personId: number }[] = [];
    for (const id of ids) {
      const stay = byId.get(id);
      if (!stay || stay.pantiId !== cls.pantiId) errors[`stay.${id}`] = ["enrolment.error.notResident"];
      else if (stay.exitedAt) errors[`stay.${id}`] = ["enrolment.error.exited"];
      else if (enrolledPersons.has(stay.personId)) errors[`stay.${id}`] = ["enrolment.error.alreadyEnrolled"];
      else {
        enrolledPersons.add(stay.personId);
        accepted.push({ stayId: stay.id, personId: stay.personId });
      }
    }
    const taken = seatsTaken(existing.map((e) => e.status));
    if (taken + accepted.length > cls.capacity) errors.stayIds = ["enrolment.error.overCapacity"];
    else if (Object.keys(errors).length > 0) errors.stayIds = ["enrolment.error.someRefused"];
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);

    const rows = tx
      .insert(enrolments)
      .values(accepted.map((a) => ({ classId: cls.id, stayId: a.stayId, personId: a.personId, enrolledAt: now, createdBy: actor.id })))
      .returning({ id: enrolments.id, stayId: enrolments.stayId, personId: enrolments.personId })
      .all();
    appendAudit(tx, {
      actorId: actor.id,
      action: "class.enrol",
      entity: "class",
      entityId: cls.id,
      pantiId: cls.pantiId,
      after: { enrolments: rows },
      at: now,
    });
    return { enrolled: rows.length, enrolmentIds: rows.map((r) => r.id) };
  });
}

function enrolmentOfClass(tx: Tx, classId: number, enrolmentId: number) {
  const row = tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.classId, classId)))
    .get();
  if (!row) throw new NotFound("enrolment");
  return row;
}

/** Takes a resident off the class (withdrawn): their seat frees, their record stays. */
export function withdrawEnrolment(actor: Actor, classId: number, enrolmentId: number, reason: string, now = new Date()) {
  return writeTransaction((tx) => {
    const cls = loadClass(tx, classId);
    authorizeClass(actor, "class:manage", cls);
    const enrolment = enrolmentOfClass(tx, cls.id, enrolmentId);
    if (enrolment.status !== "active") throw new Conflict("enrolment.error.notActive");
    tx.update(enrolments).set({ status: "withdrawn", endedAt: now }).where(eq(enrolments.id, enrolment.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "enrolment.withdraw",
      entity: "enrolment",
      entityId: enrolment.id,
      pantiId: cls.pantiId,
      before: { status: enrolment.status },
      after: { status: "withdrawn", reason },
      at: now,
    });
    return { enrolmentId: enrolment.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------------------------

/**
 * Records (or corrects) a session's attendance sheet: the session is created on first use; only
 * the residents on the roll that day can be marked; every change is in the audit log with its
 * before and after.
 */
export function recordAttendance(actor: Actor, classId: number, input: AttendanceSheetInput, now = new Date()) {
  return writeTransaction((tx) => {
    const cls = loadClass(tx, classId);
    authorizeClass(actor, "class:teach", cls);
    const dateCheck = checkSessionDate(cls, input.date, jakartaDate(now));
    if (!dateCheck.ok) throw new InvalidInput({ date: [dateCheck.messageKey] });

    let session = tx
      .select()
      .from(classSessions)
      .where(and(eq(classSessions.classId, cls.id), eq(classSessions.date, input.date)))
      .get();
    if (!session && cls.status === "finished") throw new Conflict("attendance.error.classFinished");
    if (!session && input.marks.length === 0) throw new InvalidInput({ marks: ["attendance.error.noMarks"] });

    const roll = new Map(
      tx
        .select({ id: enrolments.id, enrolledAt: enrolments.enrolledAt, endedAt: enrolments.endedAt })
        .from(enrolments)
        .where(eq(enrolments.classId, cls.id))
        .all()
        .map((e) => [e.id, e]),
    );
    const errors: Record<string, string[]> = {};
    for (const mark of input.marks) {
      const enrolment = roll.get(mark.enrolmentId);
      if (!enrolment) errors[`mark.${mark.enrolmentId}`] = ["attendance.error.notEnrolled"];
      else if (!onRoll(enrolmentWindow(enrolment), input.date)) errors[`mark.${mark.enrolmentId}`] = ["attendance.error.notOnRoll"];
    }
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);

    const created = !session;
    session ??= tx.insert(classSessions).values({ classId: cls.id, date: input.date, createdBy: actor.id, createdAt: now }).returning().get();
    const sessionId = session.id;
    const current = new Map(
      tx
        .select({ enrolmentId: attendance.enrolmentId, status: attendance.status })
        .from(attendance)
        .where(eq(attendance.sessionId, sessionId))
        .all()
        .map((a) => [a.enrolmentId, a.status]),
    );
    const before: Record<number, string> = {};
    const after: Record<number, string> = {};
    for (const mark of input.marks) {
      const old = current.get(mark.enrolmentId);
      if (old === mark.status) continue;
      if (old) {
        before[mark.enrolmentId] = old;
        tx.update(attendance)
          .set({ status: mark.status, recordedBy: actor.id, recordedAt: now })
          .where(and(eq(attendance.sessionId, sessionId), eq(attendance.enrolmentId, mark.enrolmentId)))
          .run();
      } else {
        tx.insert(attendance).values({ sessionId, enrolmentId: mark.enrolmentId, status: mark.status, recordedBy: actor.id, recordedAt: now }).run();
      }
      after[mark.enrolmentId] = mark.status;
    }
    const changed = Object.keys(after).length;
    if (cls.status === "planned") tx.update(classes).set({ status: "active" }).where(eq(classes.id, cls.id)).run();
    if (changed > 0 || created) {
      appendAudit(tx, {
        actorId: actor.id,
        action: created ? "class.attendance" : "class.attendance_correct",
        entity: "class_session",
        entityId: sessionId,
        pantiId: cls.pantiId,
        before: created ? null : { classId: cls.id, date: input.date, marks: before },
        after: { classId: cls.id, date: input.date, marks: after },
        at: now,
      });
    }
    return { sessionId, created, changed, offSchedule: dateCheck.offSchedule };
  });
}

// ---------------------------------------------------------------------------------------------
// Module progress, completion, outcome
// ---------------------------------------------------------------------------------------------

/** Records a resident's progress on one module: status with a score or note and the date assessed. */
export function recordProgress(actor: Actor, classId: number, enrolmentId: number, input: ProgressInput, now = new Date()) {
  return writeTransaction((tx) => {
    const cls = loadClass(tx, classId);
    authorizeClass(actor, "class:teach", cls);
    const enrolment = enrolmentOfClass(tx, cls.id, enrolmentId);
    if (enrolment.status !== "active") throw new Conflict("enrolment.error.notActive");
    const module = tx
      .select()
      .from(programmeModules)
      .where(
        and(eq(programmeModules.id, input.moduleId), eq(programmeModules.programmeCode, cls.programmeCode), eq(programmeModules.active, true)),
      )
      .get();
    if (!module) throw new InvalidInput({ moduleId: ["progress.error.module"] });
    if (input.assessedOn > jakartaDate(now)) throw new InvalidInput({ assessedOn: ["error.future"] });
    if (input.assessedOn < jakartaDate(enrolment.enrolledAt)) throw new InvalidInput({ assessedOn: ["progress.error.beforeEnrolment"] });

    const old = tx
      .select()
      .from(moduleProgress)
      .where(and(eq(moduleProgress.enrolmentId, enrolment.id), eq(moduleProgress.moduleId, module.id)))
      .get();
    const values = {
      status: input.status,
      score: input.score ?? null,
      note: input.note ?? null,
      assessedOn: input.assessedOn,
      recordedBy: actor.id,
      updatedAt: now,
    };
    if (old) {
      tx.update(moduleProgress)
        .set(values)
        .where(and(eq(moduleProgress.enrolmentId, enrolment.id), eq(moduleProgress.moduleId, module.id)))
        .run();
    } else {
      tx.insert(moduleProgress).values({ enrolmentId: enrolment.id, moduleId: module.id, ...values }).run();
    }
    appendAudit(tx, {
      actorId: actor.id,
      action: "enrolment.progress",
      entity: "enrolment",
      entityId: enrolment.id,
      pantiId: cls.pantiId,
      before: old ? { moduleId: module.id, status: old.status, score: old.score, note: old.note, assessedOn: old.assessedOn } : null,
      after: { moduleId: module.id, status: values.status, score: values.score, note: values.note, assessedOn: values.assessedOn },
      at: now,
    });
    return { enrolmentId: enrolment.id, moduleId: module.id, status: input.status };
  });
}

/** The completion check of one enrolment, from the database, inside the caller's transaction. */
function completionOf(tx: Tx, cls: LoadedClass, enrolment: typeof enrolments.$inferSelect) {
  const activeModuleIds = tx
    .select({ id: programmeModules.id })
    .from(programmeModules)
    .where(and(eq(programmeModules.programmeCode, cls.programmeCode), eq(programmeModules.active, true)))
    .orderBy(asc(programmeModules.position))
    .all()
    .map((m) => m.id);
  const progress = new Map<number, ProgressStatus>(
    tx
      .select({ moduleId: moduleProgress.moduleId, status: moduleProgress.status })
      .from(moduleProgress)
      .where(eq(moduleProgress.enrolmentId, enrolment.id))
      .all()
      .map((p) => [p.moduleId, p.status]),
  );
  const sessions = tx
    .select({ id: classSessions.id, date: classSessions.date })
    .from(classSessions)
    .where(eq(classSessions.classId, cls.id))
    .orderBy(asc(classSessions.date))
    .all();
  const marks = new Map<number, AttendanceCode>(
    tx
      .select({ sessionId: attendance.sessionId, status: attendance.status })
      .from(attendance)
      .where(eq(attendance.enrolmentId, enrolment.id))
      .all()
      .map((a) => [a.sessionId, a.status as AttendanceCode]),
  );
  const { tally } = attendanceRow(sessions, marks, enrolmentWindow(enrolment));
  return completionCheck({ activeModuleIds, progress, tally, threshold: cls.attendanceThreshold });
}

/**
 * Marks an enrolment completed with a certificate number (SERT/<panti>/<year>/<seq>), when every
 * active module is competent and the attendance rate reaches the class's threshold.
 */
export function completeEnrolment(actor: Actor, classId: number, enrolmentId: number, now = new Date()) {
  return writeTransaction((tx) => {
    const cls = loadClass(tx, classId);
    authorizeClassAny(actor, ["class:teach", "class:manage"], cls);
    const enrolment = enrolmentOfClass(tx, cls.id, enrolmentId);
    if (enrolment.status !== "active") throw new Conflict("enrolment.error.notActive");
    const check = completionOf(tx, cls, enrolment);
    if (!check.eligible) {
      const rate = roundedRate(check.tally.rate);
      throw new Conflict("enrolment.complete.notMet", {
        competent: check.progress.competent,
        total: check.progress.total,
        rate: rate == null ? "–" : String(rate),
        threshold: cls.attendanceThreshold,
      });
    }
    const { code } = tx.select({ code: panti.code }).from(panti).where(eq(panti.id, cls.pantiId)).get()!;
    const prefix = certificatePrefix(code, certificateYear(now));
    const issued = tx
      .select({ number: enrolments.certificateNumber })
      .from(enrolments)
      .where(like(enrolments.certificateNumber, `${prefix}%`))
      .orderBy(desc(enrolments.certificateNumber))
      .all()
      .map((r) => r.number!);
    const number = certificateNumber(code, certificateYear(now), nextCertificateSequence(prefix, issued));
    tx.update(enrolments).set({ status: "completed", endedAt: now, certificateNumber: number }).where(eq(enrolments.id, enrolment.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "enrolment.complete",
      entity: "enrolment",
      entityId: enrolment.id,
      pantiId: cls.pantiId,
      before: { status: enrolment.status },
      after: {
        status: "completed",
        certificateNumber: number,
        rate: roundedRate(check.tally.rate),
        competent: check.progress.competent,
        modules: check.progress.total,
      },
      at: now,
    });
    return { enrolmentId: enrolment.id, certificateNumber: number };
  });
}

/** What a graduate does after the class: working, on-the-job training, or not placed. */
export function recordOutcome(actor: Actor, classId: number, enrolmentId: number, input: OutcomeInput, now = new Date()) {
  return writeTransaction((tx) => {
    const cls = loadClass(tx, classId);
    authorizeClass(actor, "class:manage", cls);
    const enrolment = enrolmentOfClass(tx, cls.id, enrolmentId);
    if (enrolment.status !== "completed") throw new Conflict("enrolment.error.notCompleted");
    const outcomeNotes = input.outcomeNotes ?? null;
    tx.update(enrolments).set({ outcome: input.outcome, outcomeNotes }).where(eq(enrolments.id, enrolment.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "enrolment.outcome",
      entity: "enrolment",
      entityId: enrolment.id,
      pantiId: cls.pantiId,
      before: { outcome: enrolment.outcome, outcomeNotes: enrolment.outcomeNotes },
      after: { outcome: input.outcome, outcomeNotes },
      at: now,
    });
    return { enrolmentId: enrolment.id };
  });
}
