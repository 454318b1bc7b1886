/**
 * Rehabilitation programmes in the demo data: the module catalogue from
 * db/reference/programme-modules.csv, and at PSBR-TJ1 (Taruna Jaya 1, the youth panti) a few
 * classes taught by `instruktur.tj1` with current residents enrolled, sessions over the past weeks
 * with attendance, module progress, and one finished class with certificates and outcomes.
 *
 * `seedProgrammes(db, seed, now)` is deterministic for a given seed and `now`. It expects the
 * reference lists (programmes, attendance statuses), the panti registry, the demo users and the
 * residents to be seeded already; without PSBR-TJ1 or `instruktur.tj1` it seeds the catalogue only.
 */
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import { parseCsvRecords } from "../../app/utils/csv";
import type { AttendanceCode, ProgressStatus } from "../../app/domain/enums";
import {
  addDays,
  certificateNumber,
  enrolmentWindow,
  isoWeekday,
  onRoll,
  scheduleDates,
} from "../../app/domain/programmes";
import { jakartaDate, parseJakartaDateTime, toJakartaParts } from "../../app/domain/time";
import type { Db } from "../connection";
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
} from "../schema";
import { Random } from "./random";
import { referenceDir } from "./reference";

export interface ProgrammeModuleRow {
  programmeCode: string;
  code: string;
  position: number;
  nameId: string;
  nameEn: string;
}

/** Reads and checks db/reference/programme-modules.csv (file, row and column named on error). */
export function loadProgrammeModules(dir = referenceDir()): ProgrammeModuleRow[] {
  const file = path.join(dir, "programme-modules.csv");
  const records = parseCsvRecords(fs.readFileSync(file, "utf8"));
  const seen = new Set<string>();
  return records.map((r, i) => {
    const where = (column: string) => `${file} row ${i + 1}, column "${column}"`;
    const value = (column: string) => {
      const v = (r[column] ?? "").trim();
      if (!v) throw new Error(`${where(column)}: value is required`);
      return v;
    };
    const position = Number(value("position"));
    if (!Number.isInteger(position) || position < 1) throw new Error(`${where("position")}: not a positive whole number`);
    const row = { programmeCode: value("programme_code"), code: value("code"), position, nameId: value("name_id"), nameEn: value("name_en") };
    const key = `${row.programmeCode}/${row.code}`;
    if (seen.has(key)) throw new Error(`${file}: module ${key} appears twice`);
    seen.add(key);
    return row;
  });
}

/** Inserts the catalogue's modules (for the programmes present); existing ones are left as they are. */
export function seedProgrammeModules(db: Db, dir = referenceDir()): number {
  const known = new Set(db.select({ code: programmes.code }).from(programmes).all().map((p) => p.code));
  const rows = loadProgrammeModules(dir).filter((m) => known.has(m.programmeCode));
  if (rows.length === 0) return 0;
  return db.insert(programmeModules).values(rows).onConflictDoNothing().run().changes;
}

interface DemoClass {
  programmeCode: string;
  name: string;
  scheduleDays: number[];
  startTime: string;
  endTime: string;
  /** Weeks before today that the class started (on a Monday). */
  startedWeeksAgo: number;
  weeks: number;
  capacity: number;
  residents: number;
  finished?: boolean;
}

const DEMO_CLASSES: DemoClass[] = [
  { programmeCode: "tata_boga", name: "Tata Boga Angkatan 12", scheduleDays: [1, 3, 5], startTime: "08:00", endTime: "11:00", startedWeeksAgo: 8, weeks: 24, capacity: 20, residents: 14 },
  { programmeCode: "komputer", name: "Komputer Angkatan 7", scheduleDays: [2, 4], startTime: "13:00", endTime: "15:00", startedWeeksAgo: 5, weeks: 16, capacity: 15, residents: 10 },
  { programmeCode: "las", name: "Las Angkatan 11", scheduleDays: [1, 2, 3, 4], startTime: "08:00", endTime: "12:00", startedWeeksAgo: 30, weeks: 24, capacity: 12, residents: 8, finished: true },
];

const at = (date: string, time: string) => parseJakartaDateTime(`${date}T${time}`)!;

function mondayOnOrBefore(date: string): string {
  let d = date;
  while (isoWeekday(d) !== 1) d = addDays(d, -1);
  return d;
}

function shuffled<T>(rng: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function attendanceDraw(rng: Random, reliability: number): AttendanceCode | null {
  if (rng.chance(0.02)) return null; // forgotten mark: counts as alpa
  if (rng.chance(reliability)) return "hadir";
  return rng.weighted([
    ["terlambat", 4],
    ["izin", 3],
    ["alpa", 3],
  ] as const);
}

export interface ProgrammeSeedCounts {
  modules: number;
  classes: number;
  enrolments: number;
  sessions: number;
  attendance: number;
  progress: number;
  certificates: number;
}

/**
 * Seeds the catalogue and the demo classes at PSBR-TJ1. `seed` is a Random or a number.
 */
export function seedProgrammes(db: Db, seed: Random | number, now: Date): ProgrammeSeedCounts {
  const rng = typeof seed === "number" ? new Random(seed) : seed;
  const counts: ProgrammeSeedCounts = { modules: 0, classes: 0, enrolments: 0, sessions: 0, attendance: 0, progress: 0, certificates: 0 };
  counts.modules = seedProgrammeModules(db);

  const home = db.select().from(panti).where(eq(panti.code, "PSBR-TJ1")).get();
  const instructor = db.select().from(users).where(eq(users.username, "instruktur.tj1")).get();
  if (!home || !instructor) return counts;
  const admin = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.pantiId, home.id), eq(users.role, "panti_admin")))
    .orderBy(asc(users.id))
    .get();
  const today = jakartaDate(now);
  const yesterday = addDays(today, -1);
  const residents = db
    .select({ stayId: stays.id, personId: stays.personId, admittedAt: stays.admittedAt })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    // Identified residents: a certificate in the name of "Mr. X" would help nobody.
    .where(and(eq(stays.pantiId, home.id), isNull(stays.exitedAt), lte(stays.admittedAt, now), eq(persons.unidentified, false), isNotNull(persons.name)))
    .orderBy(asc(stays.admittedAt), asc(stays.id))
    .all();
  if (residents.length === 0) return counts;

  db.transaction((tx) => {
    let certificateSeq = new Map<number, number>();
    for (const plan of DEMO_CLASSES) {
      const moduleIds = tx
        .select({ id: programmeModules.id })
        .from(programmeModules)
        .where(and(eq(programmeModules.programmeCode, plan.programmeCode), eq(programmeModules.active, true)))
        .orderBy(asc(programmeModules.position))
        .all()
        .map((m) => m.id);
      if (moduleIds.length === 0) continue;
      const startDate = mondayOnOrBefore(addDays(today, -7 * plan.startedWeeksAgo));
      const endDate = addDays(startDate, 7 * plan.weeks - 3);
      const existing = tx
        .select({ id: classes.id })
        .from(classes)
        .where(and(eq(classes.pantiId, home.id), eq(classes.name, plan.name)))
        .get();
      if (existing) continue;
      // The finished class takes residents who were already here when it started; the others
      // anyone current (those admitted later join late).
      const pool = plan.finished ? residents.filter((r) => jakartaDate(r.admittedAt) <= startDate) : residents;
      const chosen = shuffled(rng, pool).slice(0, Math.min(plan.residents, plan.capacity));
      if (chosen.length < 2) continue;

      const cls = tx
        .insert(classes)
        .values({
          pantiId: home.id,
          programmeCode: plan.programmeCode,
          name: plan.name,
          startDate,
          endDate,
          capacity: plan.capacity,
          scheduleDays: plan.scheduleDays,
          startTime: plan.startTime,
          endTime: plan.endTime,
          attendanceThreshold: 75,
          status: plan.finished ? "finished" : "active",
          createdBy: admin?.id ?? null,
          createdAt: at(addDays(startDate, -14), "09:00"),
        })
        .returning()
        .get();
      counts.classes += 1;
      tx.insert(classInstructors).values({ classId: cls.id, userId: instructor.id }).run();

      const lastDay = endDate < yesterday ? endDate : yesterday;
      const dates = scheduleDates(plan.scheduleDays, startDate, lastDay);
      const sessionIds = new Map<string, number>();
      for (const date of dates) {
        const s = tx
          .insert(classSessions)
          .values({ classId: cls.id, date, createdBy: instructor.id, createdAt: at(date, plan.startTime) })
          .returning({ id: classSessions.id })
          .get();
        sessionIds.set(date, s.id);
      }
      counts.sessions += dates.length;

      const span = Math.max(1, dates.length);
      for (const resident of chosen) {
        const admitted = jakartaDate(resident.admittedAt);
        const enrolledOn = admitted > startDate ? admitted : startDate;
        const enrolledAt = at(enrolledOn, "07:30");
        const enrolment = tx
          .insert(enrolments)
          .values({ classId: cls.id, stayId: resident.stayId, personId: resident.personId, enrolledAt, createdBy: admin?.id ?? null })
          .returning()
          .get();
        counts.enrolments += 1;

        // Attendance: most residents come reliably; a few do not (low-attendance warnings).
        const reliability = rng.chance(0.15) ? rng.float(0.35, 0.6) : rng.float(0.78, 0.98);
        const window = enrolmentWindow({ enrolledAt, endedAt: null });
        const rows: (typeof attendance.$inferInsert)[] = [];
        let earned = 0;
        let held = 0;
        for (const date of dates) {
          if (!onRoll(window, date)) continue;
          held += 1;
          const mark = attendanceDraw(rng, reliability);
          if (!mark) continue;
          earned += mark === "hadir" ? 2 : mark === "alpa" ? 0 : 1;
          rows.push({ sessionId: sessionIds.get(date)!, enrolmentId: enrolment.id, status: mark, recordedBy: instructor.id, recordedAt: at(date, plan.endTime) });
        }
        for (let i = 0; i < rows.length; i += 200) tx.insert(attendance).values(rows.slice(i, i + 200)).run();
        counts.attendance += rows.length;

        // Progress: module i is worked on in the i-th part of the class; faster or slower learners.
        const speed = rng.float(0.85, 1.35);
        let competent = 0;
        for (let i = 0; i < moduleIds.length; i++) {
          const startIdx = Math.floor(((i * span) / moduleIds.length) * speed);
          const doneIdx = Math.floor((((i + 0.85) * span) / moduleIds.length) * speed);
          let status: ProgressStatus | null = null;
          let on: string | undefined;
          const finishedAll = plan.finished && reliability > 0.6;
          if (finishedAll || doneIdx < dates.length) {
            status = "competent";
            on = dates[Math.min(doneIdx, dates.length - 1)];
          } else if (startIdx < dates.length) {
            status = "in_progress";
            on = dates[startIdx];
          }
          if (!status || !on) continue;
          if (on < enrolledOn) on = enrolledOn;
          if (status === "competent") competent += 1;
          tx.insert(moduleProgress)
            .values({
              enrolmentId: enrolment.id,
              moduleId: moduleIds[i]!,
              status,
              score: status === "competent" ? rng.int(65, 96) : null,
              note: status === "in_progress" ? "Masih berlatih" : null,
              assessedOn: on,
              recordedBy: instructor.id,
              updatedAt: at(on, plan.endTime),
            })
            .run();
          counts.progress += 1;
        }

        // The finished class: those who met the rule completed, with a certificate and an outcome.
        if (plan.finished && competent === moduleIds.length && held > 0 && earned * 100 >= 75 * held * 2) {
          const completedAt = at(endDate, "14:00");
          const year = toJakartaParts(completedAt).year;
          const seq = (certificateSeq.get(year) ?? 0) + 1;
          certificateSeq = new Map(certificateSeq).set(year, seq);
          tx.update(enrolments)
            .set({
              status: "completed",
              endedAt: completedAt,
              certificateNumber: certificateNumber(home.code, year, seq),
              outcome: rng.weighted([
                ["working", 5],
                ["on_the_job_training", 3],
                ["not_placed", 2],
              ] as const),
            })
            .where(eq(enrolments.id, enrolment.id))
            .run();
          counts.certificates += 1;
        }
      }
    }
  });
  return counts;
}
