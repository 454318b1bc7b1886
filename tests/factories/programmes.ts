/** Programme reference data and class input for the tests that need a class. */
import { attendanceStatuses, programmes } from "#db/schema";
import { loadReferenceData } from "#db/seed/reference";
import { seedProgrammeModules } from "#db/seed/programmes";
import { classSchema, type ClassInput } from "~/domain/programmes";
import { db } from "~/utils/db.server";
import { ensureReference } from "./index";

let n = 0;
let programmeReference = false;

/** Programmes, attendance statuses and the module catalogue (the factories load the rest). */
export function ensureProgrammeReference() {
  ensureReference();
  if (programmeReference) return;
  programmeReference = true;
  const ref = loadReferenceData();
  db.insert(programmes).values(ref.programmes).onConflictDoNothing().run();
  db.insert(attendanceStatuses).values(ref.attendanceStatuses).onConflictDoNothing().run();
  seedProgrammeModules(db);
}

export function classInput(instructorIds: number[], overrides: Record<string, unknown> = {}): ClassInput {
  return classSchema.parse({
    programmeCode: "komputer",
    name: `Komputer Angkatan ${++n}`,
    instructorIds: instructorIds.map(String),
    scheduleDays: ["1", "3", "5"],
    startTime: "08:00",
    endTime: "11:00",
    startDate: "2026-03-02",
    endDate: "2026-06-26",
    capacity: "10",
    ...overrides,
  });
}
