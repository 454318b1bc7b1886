/**
 * Read models for the programmes pages: the catalogue, class lists, the class page with its
 * attendance grid, the attendance sheet, a resident's page in a class (progress, completion,
 * certificate) and a person's training history. Scope lives in the where clauses (`classScope`).
 */
import { and, asc, count, desc, eq, exists, gt, inArray, isNull, lt, ne, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import {
  attendance,
  classInstructors,
  classSessions,
  classes,
  enrolments,
  moduleProgress,
  panti,
  persons,
  programmeModules,
  programmes,
  stays,
  users,
} from "#db/schema";
import type { AttendanceCode, ProgressStatus } from "~/domain/enums";
import { grantFor, scopeFor, type Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { RESTRICTED_NAME, shownIdentity } from "~/domain/safeguarding";
import {
  attendanceRow,
  checkSessionDate,
  classAccess,
  classPhase,
  completionCheck,
  defaultSessionDate,
  enrolListShown,
  enrolmentWindow,
  isoWeekday,
  lowAttendance,
  onRoll,
  roundedRate,
  TEACHING_SCOPED_ROLES,
  type ClassPermission,
  type ClassStatus,
} from "~/domain/programmes";
import { snippet } from "~/domain/text";
import { jakartaDate } from "~/domain/time";
import { db, perConnection } from "~/utils/db.server";
import { personSearchWhere } from "./person-search.server";
import { restrictionColumns } from "./restricted.server";

export const CLASS_PAGE_SIZE = 50;

/**
 * The classes an actor may use a permission on, as a where condition on `classes`: all (Dinsos),
 * their panti's (panti admin), or the classes they teach (instructor).
 */
export function classScope(actor: Actor, permission: ClassPermission): SQL | undefined {
  const scope = scopeFor(actor, permission);
  if (scope.kind === "all") return undefined;
  if (scope.kind !== "panti") return sql`1 = 0`;
  return classScopeWhere(TEACHING_SCOPED_ROLES.includes(actor.role), scope.pantiId, actor.id);
}

/** A panti's classes, or (`teaching`) those of them the user teaches: values, or placeholders of a prepared query. */
function classScopeWhere(teaching: boolean, pantiId: number | Placeholder, userId: number | Placeholder): SQL | undefined {
  const own = eq(classes.pantiId, pantiId);
  if (!teaching) return own;
  return and(
    own,
    exists(
      db
        .select({ one: sql`1` })
        .from(classInstructors)
        .where(and(eq(classInstructors.classId, classes.id), eq(classInstructors.userId, userId))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

/** Every programme with all its modules (inactive ones too) and how many classes use it. */
export function programmeCatalogue() {
  const list = db.select().from(programmes).orderBy(asc(programmes.nameId)).all();
  const modules = db.select().from(programmeModules).orderBy(asc(programmeModules.programmeCode), asc(programmeModules.position)).all();
  const classCounts = new Map(
    db
      .select({ code: classes.programmeCode, n: count() })
      .from(classes)
      .groupBy(classes.programmeCode)
      .all()
      .map((r) => [r.code, r.n]),
  );
  return list.map((p) => ({
    ...p,
    classCount: classCounts.get(p.code) ?? 0,
    modules: modules.filter((m) => m.programmeCode === p.code),
  }));
}

// ---------------------------------------------------------------------------------------------
// Class lists and the class form
// ---------------------------------------------------------------------------------------------

function phaseWhere(phase: ClassStatus | undefined, today: string): SQL | undefined {
  if (!phase) return undefined;
  const finished = or(eq(classes.status, "finished"), lt(classes.endDate, today))!;
  if (phase === "finished") return finished;
  const open = and(ne(classes.status, "finished"), sql`${classes.endDate} >= ${today}`);
  return phase === "planned" ? and(open, gt(classes.startDate, today)) : and(open, sql`${classes.startDate} <= ${today}`);
}

/** The classes in the actor's scope, newest first, with seats taken and instructors. */
export function listClasses(actor: Actor, filter: { panti?: number; phase?: ClassStatus; page?: number }, now = new Date()) {
  const today = jakartaDate(now);
  const where = and(classScope(actor, "class:read"), filter.panti ? eq(classes.pantiId, filter.panti) : undefined, phaseWhere(filter.phase, today));
  const total = db.select({ n: count() }).from(classes).where(where).get()?.n ?? 0;
  const page = Math.max(1, filter.page ?? 1);
  const rows = db
    .select({
      id: classes.id,
      name: classes.name,
      pantiId: classes.pantiId,
      pantiName: panti.name,
      programmeCode: classes.programmeCode,
      programmeNameId: programmes.nameId,
      programmeNameEn: programmes.nameEn,
      startDate: classes.startDate,
      endDate: classes.endDate,
      scheduleDays: classes.scheduleDays,
      startTime: classes.startTime,
      endTime: classes.endTime,
      capacity: classes.capacity,
      status: classes.status,
      seats: sql<number>`(select count(*) from ${enrolments} where ${enrolments.classId} = ${classes.id} and ${enrolments.status} in ('active', 'completed'))`,
      sessionToday: sql<number>`(select count(*) from ${classSessions} where ${classSessions.classId} = ${classes.id} and ${classSessions.date} = ${today})`,
    })
    .from(classes)
    .innerJoin(panti, eq(panti.id, classes.pantiId))
    .innerJoin(programmes, eq(programmes.code, classes.programmeCode))
    .where(where)
    .orderBy(desc(classes.startDate), asc(classes.name))
    .limit(CLASS_PAGE_SIZE)
    .offset((page - 1) * CLASS_PAGE_SIZE)
    .all();
  const instructorsByClass = instructorNames(rows.map((r) => r.id));
  const pantiOptions =
    grantFor(actor.role, "class:read") === "any"
      ? db.select({ id: panti.id, name: panti.name }).from(panti).where(eq(panti.active, true)).orderBy(asc(panti.name)).all()
      : [];
  return {
    total,
    page,
    pageSize: CLASS_PAGE_SIZE,
    today,
    pantiOptions,
    rows: rows.map((r) => {
      const phase = classPhase(r, today);
      return {
        ...r,
        phase,
        instructors: instructorsByClass.get(r.id) ?? [],
        meetsToday: phase === "active" && r.scheduleDays.includes(isoWeekday(today)),
        sessionToday: r.sessionToday > 0,
      };
    }),
  };
}

function instructorNames(classIds: number[]) {
  const out = new Map<number, { id: number; name: string }[]>();
  if (classIds.length === 0) return out;
  const rows = db
    .select({ classId: classInstructors.classId, id: users.id, name: users.name })
    .from(classInstructors)
    .innerJoin(users, eq(users.id, classInstructors.userId))
    .where(inArray(classInstructors.classId, classIds))
    .orderBy(asc(users.name))
    .all();
  for (const r of rows) {
    const list = out.get(r.classId) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.classId, list);
  }
  return out;
}

/**
 * What the new-class form offers: the programmes (with their active module counts), the panti
 * (Dinsos chooses one; a panti admin's is their own) and that panti's instructors.
 */
export function classFormOptions(actor: Actor, chosenPantiId: number | null) {
  const any = grantFor(actor.role, "class:manage") === "any";
  const pantiOptions = any
    ? db.select({ id: panti.id, name: panti.name, code: panti.code }).from(panti).where(eq(panti.active, true)).orderBy(asc(panti.name)).all()
    : [];
  const pantiId = any ? (pantiOptions.some((p) => p.id === chosenPantiId) ? chosenPantiId : null) : actor.pantiId;
  const moduleCounts = new Map(
    db
      .select({ code: programmeModules.programmeCode, n: count() })
      .from(programmeModules)
      .where(eq(programmeModules.active, true))
      .groupBy(programmeModules.programmeCode)
      .all()
      .map((r) => [r.code, r.n]),
  );
  const programmeOptions = db
    .select({ code: programmes.code, nameId: programmes.nameId, nameEn: programmes.nameEn })
    .from(programmes)
    .orderBy(asc(programmes.nameId))
    .all()
    .map((p) => ({ ...p, modules: moduleCounts.get(p.code) ?? 0 }));
  const instructors =
    pantiId == null
      ? []
      : db
          .select({ id: users.id, name: users.name, username: users.username })
          .from(users)
          .where(and(eq(users.role, "instructor"), eq(users.active, true), eq(users.pantiId, pantiId)))
          .orderBy(asc(users.name))
          .all();
  const pantiName = pantiId == null ? null : (db.select({ name: panti.name }).from(panti).where(eq(panti.id, pantiId)).get()?.name ?? null);
  return { choosePanti: any, pantiOptions, pantiId, pantiName, programmeOptions, instructors };
}

// ---------------------------------------------------------------------------------------------
// Attendance and progress, summarised per enrolment
// ---------------------------------------------------------------------------------------------

interface EnrolmentForSummary {
  id: number;
  classId: number;
  programmeCode: string;
  enrolledAt: Date;
  endedAt: Date | null;
  threshold: number;
}

/** What `summarise` reads: the classes' sessions, the programmes' active modules, the enrolments' marks and progress. */
interface SummaryRows {
  sessions: { id: number; classId: number; date: string }[];
  modules: { id: number; code: string }[];
  /** The biggest read of the class page (trainees × sessions rows): plain arrays, not objects. */
  marks: [sessionId: number, enrolmentId: number, status: AttendanceCode][];
  progress: { enrolmentId: number; moduleId: number; status: ProgressStatus }[];
}

function summaryRows(entries: EnrolmentForSummary[]): SummaryRows {
  if (entries.length === 0) return { sessions: [], modules: [], marks: [], progress: [] };
  const classIds = [...new Set(entries.map((e) => e.classId))];
  const enrolmentIds = entries.map((e) => e.id);
  const codes = [...new Set(entries.map((e) => e.programmeCode))];
  return {
    sessions: db
      .select({ id: classSessions.id, classId: classSessions.classId, date: classSessions.date })
      .from(classSessions)
      .where(inArray(classSessions.classId, classIds))
      .orderBy(asc(classSessions.date))
      .all(),
    modules: db
      .select({ id: programmeModules.id, code: programmeModules.programmeCode })
      .from(programmeModules)
      .where(and(inArray(programmeModules.programmeCode, codes), eq(programmeModules.active, true)))
      .orderBy(asc(programmeModules.position))
      .all(),
    marks: db
      .select({ sessionId: attendance.sessionId, enrolmentId: attendance.enrolmentId, status: attendance.status })
      .from(attendance)
      .where(inArray(attendance.enrolmentId, enrolmentIds))
      .values() as SummaryRows["marks"],
    progress: db
      .select({ enrolmentId: moduleProgress.enrolmentId, moduleId: moduleProgress.moduleId, status: moduleProgress.status })
      .from(moduleProgress)
      .where(inArray(moduleProgress.enrolmentId, enrolmentIds))
      .all(),
  };
}

// The same reads for every enrolment of one class (the class page), prepared once per connection.
const classSummaryQueries = perConnection((c) => ({
  sessions: c
    .select({ id: classSessions.id, classId: classSessions.classId, date: classSessions.date })
    .from(classSessions)
    .where(eq(classSessions.classId, sql.placeholder("classId")))
    .orderBy(asc(classSessions.date))
    .prepare(),
  marks: c
    .select({ sessionId: attendance.sessionId, enrolmentId: attendance.enrolmentId, status: attendance.status })
    .from(attendance)
    .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
    .where(eq(enrolments.classId, sql.placeholder("classId")))
    .prepare(),
  progress: c
    .select({ enrolmentId: moduleProgress.enrolmentId, moduleId: moduleProgress.moduleId, status: moduleProgress.status })
    .from(moduleProgress)
    .innerJoin(enrolments, eq(enrolments.id, moduleProgress.enrolmentId))
    .where(eq(enrolments.classId, sql.placeholder("classId")))
    .prepare(),
}));

/**
 * For each enrolment: the grid letters over its class's sessions, the attendance tally, and the
 * completion check (active modules competent, rate against the class's threshold).
 */
function summarise(entries: EnrolmentForSummary[], rows: SummaryRows = summaryRows(entries)) {
  const sessionsByClass = new Map<number, { id: number; date: string }[]>();
  const moduleIdsByProgramme = new Map<string, number[]>();
  const marksByEnrolment = new Map<number, Map<number, AttendanceCode>>();
  const progressByEnrolment = new Map<number, Map<number, ProgressStatus>>();
  for (const s of rows.sessions) {
    const list = sessionsByClass.get(s.classId) ?? [];
    list.push({ id: s.id, date: s.date });
    sessionsByClass.set(s.classId, list);
  }
  for (const m of rows.modules) {
    const list = moduleIdsByProgramme.get(m.code) ?? [];
    list.push(m.id);
    moduleIdsByProgramme.set(m.code, list);
  }
  for (const [sessionId, enrolmentId, status] of rows.marks) {
    let map = marksByEnrolment.get(enrolmentId);
    if (!map) marksByEnrolment.set(enrolmentId, (map = new Map()));
    map.set(sessionId, status);
  }
  for (const p of rows.progress) {
    let map = progressByEnrolment.get(p.enrolmentId);
    if (!map) progressByEnrolment.set(p.enrolmentId, (map = new Map()));
    map.set(p.moduleId, p.status);
  }
  const out = new Map<number, { letters: string; check: ReturnType<typeof completionCheck>; low: boolean }>();
  for (const e of entries) {
    const { letters, tally } = attendanceRow(sessionsByClass.get(e.classId) ?? [], marksByEnrolment.get(e.id) ?? new Map(), enrolmentWindow(e));
    const check = completionCheck({
      activeModuleIds: moduleIdsByProgramme.get(e.programmeCode) ?? [],
      progress: progressByEnrolment.get(e.id) ?? new Map(),
      tally,
      threshold: e.threshold,
    });
    out.set(e.id, { letters, check, low: lowAttendance(tally, e.threshold) });
  }
  return { out, sessionsByClass };
}

// ---------------------------------------------------------------------------------------------
// The class page
// ---------------------------------------------------------------------------------------------

// The head of one class (the class page, the attendance sheet, a trainee's page) for each kind of
// scope, and its instructors, prepared once per connection.
const classHeadQueries = perConnection((c) => {
  const head = () =>
    c
      .select({
        cls: classes,
        pantiName: panti.name,
        pantiCode: panti.code,
        pantiAddress: panti.address,
        pantiKota: panti.kota,
        programmeNameId: programmes.nameId,
        programmeNameEn: programmes.nameEn,
      })
      .from(classes)
      .innerJoin(panti, eq(panti.id, classes.pantiId))
      .innerJoin(programmes, eq(programmes.code, classes.programmeCode));
  const byId = eq(classes.id, sql.placeholder("classId"));
  const [pantiId, userId] = [sql.placeholder("pantiId"), sql.placeholder("userId")];
  return {
    all: head().where(byId).prepare(),
    panti: head().where(and(byId, classScopeWhere(false, pantiId, userId))).prepare(),
    teaching: head().where(and(byId, classScopeWhere(true, pantiId, userId))).prepare(),
    instructors: c
      .select({ id: users.id, name: users.name })
      .from(classInstructors)
      .innerJoin(users, eq(users.id, classInstructors.userId))
      .where(eq(classInstructors.classId, sql.placeholder("classId")))
      .orderBy(asc(users.name))
      .prepare(),
  };
});

function classHead(actor: Actor, classId: number, permission: ClassPermission) {
  // The scope of `classScope`, as the placeholders of a prepared query.
  const scope = scopeFor(actor, permission);
  const queries = classHeadQueries();
  const values = { classId, pantiId: scope.kind === "panti" ? scope.pantiId : 0, userId: actor.id };
  const query = scope.kind === "all" ? queries.all : scope.kind !== "panti" ? null : TEACHING_SCOPED_ROLES.includes(actor.role) ? queries.teaching : queries.panti;
  const row = query?.get(values);
  if (!row) return null;
  return { ...row, instructors: queries.instructors.all({ classId }) };
}

function accessFlags(actor: Actor, cls: { pantiId: number }, instructors: { id: number }[]) {
  const target = { pantiId: cls.pantiId, instructorIds: instructors.map((i) => i.id) };
  const teach = classAccess(actor, "class:teach", target) === "allowed";
  const manage = classAccess(actor, "class:manage", target) === "allowed";
  return { teach, manage, complete: teach || manage };
}

// The class page's modules and trainees, prepared once per connection.
const classModulesQuery = perConnection((c) =>
  c
    .select({ id: programmeModules.id, nameId: programmeModules.nameId, nameEn: programmeModules.nameEn })
    .from(programmeModules)
    .where(and(eq(programmeModules.programmeCode, sql.placeholder("programmeCode")), eq(programmeModules.active, true)))
    .orderBy(asc(programmeModules.position))
    .prepare(),
);
const classEnrolmentsQuery = perConnection((c) =>
  c
    .select({
      id: enrolments.id,
      enrolledAt: enrolments.enrolledAt,
      endedAt: enrolments.endedAt,
      status: enrolments.status,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      // A trainee who has since moved to another panti is masked there when restricted.
      ...restrictionColumns(),
    })
    .from(enrolments)
    .innerJoin(persons, eq(persons.id, enrolments.personId))
    .where(eq(enrolments.classId, sql.placeholder("classId")))
    .orderBy(asc(persons.name), asc(enrolments.id))
    .prepare(),
);

// Open stays of the class's panti whose person is not in the class yet: who can be enrolled.
const enrolableStays = (pantiId: number | Placeholder, classId: number | Placeholder) =>
  and(
    eq(stays.pantiId, pantiId),
    isNull(stays.exitedAt),
    sql`not exists (select 1 from ${enrolments} where ${enrolments.classId} = ${classId} and ${enrolments.personId} = ${stays.personId})`,
  );
// How many, for the class page while its list is not shown (every view of the page by its managers).
const enrolableCountQuery = perConnection((c) =>
  c
    .select({ n: count() })
    .from(stays)
    .where(enrolableStays(sql.placeholder("pantiId"), sql.placeholder("classId")))
    .prepare(),
);

/**
 * The class page: the class, its active modules, the attendance grid (one letter per session and
 * resident), each resident's rate and progress, seats, and (for managers) the residents who can
 * still be enrolled: how many, and the list itself when `enrolListShown` (asked, searched by
 * `enrol.query`, or no trainee yet), else null. Null when the class is not in the actor's scope.
 */
export function classPage(actor: Actor, classId: number, now = new Date(), enrol: { asked?: boolean; query?: string } = {}) {
  const head = classHead(actor, classId, "class:read");
  if (!head) return null;
  const { cls } = head;
  const today = jakartaDate(now);
  const phase = classPhase(cls, today);
  const can = accessFlags(actor, cls, head.instructors);
  const modules = classModulesQuery().all({ programmeCode: cls.programmeCode });
  const rows = classEnrolmentsQuery().all({ classId: cls.id });
  // Every enrolment of the class is summarised: its reads are the class's (prepared), the modules those above.
  const summary = classSummaryQueries();
  const { out, sessionsByClass } = summarise(
    rows.map((r) => ({ id: r.id, classId: cls.id, programmeCode: cls.programmeCode, enrolledAt: r.enrolledAt, endedAt: r.endedAt, threshold: cls.attendanceThreshold })),
    {
      sessions: summary.sessions.all({ classId: cls.id }),
      modules: modules.map((m) => ({ id: m.id, code: cls.programmeCode })),
      marks: summary.marks.values({ classId: cls.id }) as SummaryRows["marks"],
      progress: summary.progress.all({ classId: cls.id }),
    },
  );
  const sessions = (sessionsByClass.get(cls.id) ?? []).map((s) => ({ ...s, offSchedule: !cls.scheduleDays.includes(isoWeekday(s.date)) }));
  const residents = rows
    .map((r) => {
      const s = out.get(r.id)!;
      // What the grid shows, and no more: the page sends it with its data.
      return {
        enrolmentId: r.id,
        name: shownIdentity(actor, r).displayName,
        status: r.status,
        letters: s.letters,
        rate: roundedRate(s.check.tally.rate),
        low: s.low,
        progress: s.check.progress,
        eligible: s.check.eligible,
      };
    })
    .sort(maskedLast);
  const enrolling = can.manage && phase !== "finished";
  const listed = enrolling && enrolListShown({ asked: enrol.asked ?? false, searched: enrol.query !== undefined, trainees: rows.length });
  const candidates = listed
    ? db
        // For its managers (that panti's admin, Dinsos): the panti of each candidate, so no restricted name to mask.
        .select({ stayId: stays.id, admittedAt: stays.admittedAt, name: persons.name, unidentified: persons.unidentified, sex: persons.sex, description: persons.description })
        .from(stays)
        .innerJoin(persons, eq(persons.id, stays.personId))
        .where(and(enrolableStays(cls.pantiId, cls.id), personSearchWhere(enrol.query)))
        // Every open stay of the panti not yet enrolled: bounded by its census, never cut short.
        .orderBy(asc(persons.name), asc(stays.id))
        .all()
        .map((c) => ({ stayId: c.stayId, admittedAt: c.admittedAt, name: displayName(c), description: snippet(c.description) }))
    : null;
  const candidateCount = candidates ? candidates.length : enrolling ? (enrolableCountQuery().get({ pantiId: cls.pantiId, classId: cls.id })?.n ?? 0) : 0;
  const seatsTaken = rows.filter((r) => r.status === "active" || r.status === "completed").length;
  return {
    cls: {
      id: cls.id,
      name: cls.name,
      pantiId: cls.pantiId,
      pantiName: head.pantiName,
      programmeCode: cls.programmeCode,
      programmeNameId: head.programmeNameId,
      programmeNameEn: head.programmeNameEn,
      startDate: cls.startDate,
      endDate: cls.endDate,
      scheduleDays: cls.scheduleDays,
      startTime: cls.startTime,
      endTime: cls.endTime,
      capacity: cls.capacity,
      attendanceThreshold: cls.attendanceThreshold,
      status: cls.status,
      phase,
    },
    instructors: head.instructors,
    modules,
    sessions,
    residents,
    seats: { taken: seatsTaken, capacity: cls.capacity },
    counts: {
      active: rows.filter((r) => r.status === "active").length,
      completed: rows.filter((r) => r.status === "completed").length,
      low: residents.filter((r) => r.low && r.status === "active").length,
    },
    candidates,
    candidateCount,
    candidateQuery: enrol.query?.trim() ?? "",
    can,
    today,
    meetsToday: phase === "active" && cls.scheduleDays.includes(isoWeekday(today)),
  };
}

// ---------------------------------------------------------------------------------------------
// The attendance sheet of one session
// ---------------------------------------------------------------------------------------------

/**
 * The sheet for one date: the residents on the roll that day with their current mark. Null when
 * the actor does not teach the class.
 */
export function attendanceSheet(actor: Actor, classId: number, date: string | undefined, now = new Date()) {
  const head = classHead(actor, classId, "class:teach");
  if (!head) return null;
  const { cls } = head;
  const today = jakartaDate(now);
  const day = date ?? defaultSessionDate(cls, today);
  const check = checkSessionDate(cls, day, today);
  const session = db
    .select({ id: classSessions.id })
    .from(classSessions)
    .where(and(eq(classSessions.classId, cls.id), eq(classSessions.date, day)))
    .get();
  const marks = new Map(
    session
      ? db
          .select({ enrolmentId: attendance.enrolmentId, status: attendance.status })
          .from(attendance)
          .where(eq(attendance.sessionId, session.id))
          .all()
          .map((a) => [a.enrolmentId, a.status as AttendanceCode])
      : [],
  );
  const rows = db
    .select({
      id: enrolments.id,
      enrolledAt: enrolments.enrolledAt,
      endedAt: enrolments.endedAt,
      status: enrolments.status,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      ...restrictionColumns(),
    })
    .from(enrolments)
    .innerJoin(persons, eq(persons.id, enrolments.personId))
    .where(eq(enrolments.classId, cls.id))
    .orderBy(asc(persons.name), asc(enrolments.id))
    .all()
    .filter((e) => onRoll(enrolmentWindow(e), day))
    .map((e) => ({ enrolmentId: e.id, name: shownIdentity(actor, e).displayName, status: e.status, mark: marks.get(e.id) ?? null }))
    .sort(maskedLast);
  const recent = db
    .select({
      date: classSessions.date,
      marked: sql<number>`(select count(*) from ${attendance} where ${attendance.sessionId} = ${classSessions.id})`,
    })
    .from(classSessions)
    .where(eq(classSessions.classId, cls.id))
    .orderBy(desc(classSessions.date))
    .limit(8)
    .all();
  return {
    cls: {
      id: cls.id,
      name: cls.name,
      pantiName: head.pantiName,
      programmeNameId: head.programmeNameId,
      programmeNameEn: head.programmeNameEn,
      startDate: cls.startDate,
      endDate: cls.endDate,
      scheduleDays: cls.scheduleDays,
      startTime: cls.startTime,
      endTime: cls.endTime,
      status: cls.status,
    },
    date: day,
    today,
    check,
    sessionExists: Boolean(session),
    rows,
    recent,
  };
}

// ---------------------------------------------------------------------------------------------
// One resident in a class: progress, completion, certificate
// ---------------------------------------------------------------------------------------------

/** Masked trainees after the named ones: the order by name would otherwise hint at theirs. */
const maskedLast = (a: { name: string }, b: { name: string }) => Number(a.name === RESTRICTED_NAME) - Number(b.name === RESTRICTED_NAME);

/** The trainee as the reader may see them: masked (no name or birth date) outside their panti when restricted. */
function personShown(actor: Actor, row: Parameters<typeof shownIdentity>[1] & { sex: "male" | "female" }) {
  const shown = shownIdentity(actor, row);
  return { name: shown.displayName, sex: row.sex, birthDate: shown.birthDate, birthYear: shown.birthYear, masked: shown.masked };
}

/** A resident's page in a class. Null when the class is not in scope or the enrolment not in it. */
export function enrolmentPage(actor: Actor, classId: number, enrolmentId: number, now = new Date()) {
  const head = classHead(actor, classId, "class:read");
  if (!head) return null;
  const { cls } = head;
  const row = db
    .select({
      enrolment: enrolments,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
      stayPantiId: stays.pantiId,
      stayExitedAt: stays.exitedAt,
      ...restrictionColumns(),
    })
    .from(enrolments)
    .innerJoin(persons, eq(persons.id, enrolments.personId))
    .innerJoin(stays, eq(stays.id, enrolments.stayId))
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.classId, cls.id)))
    .get();
  if (!row) return null;
  const e = row.enrolment;
  const modules = db
    .select()
    .from(programmeModules)
    .where(eq(programmeModules.programmeCode, cls.programmeCode))
    .orderBy(asc(programmeModules.position))
    .all();
  const recorded = new Map(
    db
      .select({ progress: moduleProgress, recordedByName: users.name })
      .from(moduleProgress)
      .leftJoin(users, eq(users.id, moduleProgress.recordedBy))
      .where(eq(moduleProgress.enrolmentId, e.id))
      .all()
      .map((p) => [p.progress.moduleId, { ...p.progress, recordedByName: p.recordedByName }]),
  );
  const { out, sessionsByClass } = summarise([
    { id: e.id, classId: cls.id, programmeCode: cls.programmeCode, enrolledAt: e.enrolledAt, endedAt: e.endedAt, threshold: cls.attendanceThreshold },
  ]);
  const summary = out.get(e.id)!;
  const sessions = sessionsByClass.get(cls.id) ?? [];
  const today = jakartaDate(now);
  return {
    cls: {
      id: cls.id,
      name: cls.name,
      pantiId: cls.pantiId,
      pantiName: head.pantiName,
      pantiCode: head.pantiCode,
      pantiAddress: head.pantiAddress,
      pantiKota: head.pantiKota,
      programmeNameId: head.programmeNameId,
      programmeNameEn: head.programmeNameEn,
      startDate: cls.startDate,
      endDate: cls.endDate,
      attendanceThreshold: cls.attendanceThreshold,
      status: cls.status,
      phase: classPhase(cls, today),
    },
    instructors: head.instructors,
    enrolment: {
      id: e.id,
      personId: e.personId,
      status: e.status,
      enrolledAt: e.enrolledAt,
      endedAt: e.endedAt,
      outcome: e.outcome,
      outcomeNotes: e.outcomeNotes,
      certificateNumber: e.certificateNumber,
    },
    person: personShown(actor, row),
    modules: modules.map((m) => ({
      id: m.id,
      code: m.code,
      nameId: m.nameId,
      nameEn: m.nameEn,
      active: m.active,
      progress: recorded.get(m.id) ?? null,
    })),
    sessions: sessions.map((s, i) => ({ ...s, letter: summary.letters[i] ?? "" })),
    rate: roundedRate(summary.check.tally.rate),
    tally: summary.check.tally,
    low: summary.low,
    check: { eligible: summary.check.eligible, problems: summary.check.problems, progress: summary.check.progress },
    can: accessFlags(actor, cls, head.instructors),
    today,
  };
}

// ---------------------------------------------------------------------------------------------
// A person's training history, across panti and stays
// ---------------------------------------------------------------------------------------------

/**
 * Every enrolment of a person the actor may read (the classes in their scope), newest first, with
 * the number of entries they may not see. Null when the person does not exist or is none of the
 * actor's business: a panti-scoped user who sees no entry needs the person to have (had) a stay in
 * their panti, and instructors see only their classes' residents.
 */
export function trainingHistory(actor: Actor, personId: number, now = new Date()) {
  const person = db
    .select({ id: persons.id, name: persons.name, unidentified: persons.unidentified, sex: persons.sex, ...restrictionColumns() })
    .from(persons)
    .where(eq(persons.id, personId))
    .get();
  if (!person) return null;
  const rows = db
    .select({
      id: enrolments.id,
      classId: classes.id,
      className: classes.name,
      programmeCode: classes.programmeCode,
      programmeNameId: programmes.nameId,
      programmeNameEn: programmes.nameEn,
      pantiId: classes.pantiId,
      pantiName: panti.name,
      startDate: classes.startDate,
      endDate: classes.endDate,
      threshold: classes.attendanceThreshold,
      classStatus: classes.status,
      enrolledAt: enrolments.enrolledAt,
      endedAt: enrolments.endedAt,
      status: enrolments.status,
      outcome: enrolments.outcome,
      outcomeNotes: enrolments.outcomeNotes,
      certificateNumber: enrolments.certificateNumber,
    })
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .innerJoin(panti, eq(panti.id, classes.pantiId))
    .innerJoin(programmes, eq(programmes.code, classes.programmeCode))
    .where(and(eq(enrolments.personId, personId), classScope(actor, "class:read")))
    .orderBy(desc(enrolments.enrolledAt))
    .all();
  const total = db.select({ n: count() }).from(enrolments).where(eq(enrolments.personId, personId)).get()?.n ?? 0;
  const grant = grantFor(actor.role, "class:read");
  if (grant !== "any" && rows.length === 0) {
    const isPantiWide = grant === "own" && !TEACHING_SCOPED_ROLES.includes(actor.role) && actor.pantiId != null;
    const hadStay =
      isPantiWide &&
      db
        .select({ id: stays.id })
        .from(stays)
        .where(and(eq(stays.personId, personId), eq(stays.pantiId, actor.pantiId!)))
        .get() !== undefined;
    if (!hadStay) return null;
  }
  const { out } = summarise(rows.map((r) => ({ id: r.id, classId: r.classId, programmeCode: r.programmeCode, enrolledAt: r.enrolledAt, endedAt: r.endedAt, threshold: r.threshold })));
  const today = jakartaDate(now);
  return {
    person: { id: person.id, name: shownIdentity(actor, person).displayName, sex: person.sex, masked: shownIdentity(actor, person).masked },
    entries: rows.map((r) => {
      const s = out.get(r.id)!;
      return {
        ...r,
        phase: classPhase({ status: r.classStatus, startDate: r.startDate, endDate: r.endDate }, today),
        rate: roundedRate(s.check.tally.rate),
        held: s.check.tally.held,
        low: s.low,
        progress: s.check.progress,
      };
    }),
    hidden: total - rows.length,
  };
}

/**
 * The classes of the panti a resident can be enrolled in from their case file: not finished,
 * a seat left, and the person not already on them. Empty when the actor may not enrol there.
 */
export function enrolableClasses(actor: Actor, pantiId: number, personId: number, now = new Date()) {
  if (scopeFor(actor, "class:manage").kind === "none") return [];
  const today = jakartaDate(now);
  const seats = sql<number>`(select count(*) from ${enrolments} where ${enrolments.classId} = ${classes.id} and ${enrolments.status} in ('active', 'completed'))`;
  return db
    .select({
      id: classes.id,
      name: classes.name,
      programmeNameId: programmes.nameId,
      programmeNameEn: programmes.nameEn,
      startDate: classes.startDate,
      endDate: classes.endDate,
      capacity: classes.capacity,
      seats,
    })
    .from(classes)
    .innerJoin(programmes, eq(programmes.code, classes.programmeCode))
    .where(
      and(
        classScope(actor, "class:manage"),
        eq(classes.pantiId, pantiId),
        ne(classes.status, "finished"),
        sql`${classes.endDate} >= ${today}`,
        sql`not exists (select 1 from ${enrolments} where ${enrolments.classId} = ${classes.id} and ${enrolments.personId} = ${personId})`,
        sql`${seats} < ${classes.capacity}`,
      ),
    )
    .orderBy(asc(classes.startDate), asc(classes.name))
    .all();
}
