import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DISABILITY_SUBTYPES,
  EXIT_OUTCOMES,
  OUTREACH_UNITS,
  PPKS_CATEGORIES,
  REHABILITATION_STAGES,
} from "~/domain/reference";
import { parseCsvRecords } from "~/utils/csv";

const read = (file: string) =>
  parseCsvRecords(fs.readFileSync(path.resolve("db/reference", file), "utf8"));

describe("reference vocabularies in code match db/reference/*.csv", () => {
  it.each([
    ["ppks-categories.csv", PPKS_CATEGORIES],
    ["disability-subtypes.csv", DISABILITY_SUBTYPES],
    ["outreach-units.csv", OUTREACH_UNITS],
    ["exit-outcomes.csv", EXIT_OUTCOMES],
    ["rehabilitation-stages.csv", REHABILITATION_STAGES],
  ] as const)("%s", (file, list) => {
    const rows = read(file);
    expect(list.map((r) => r.code)).toEqual(rows.map((r) => r.code));
    expect(list.map((r) => r.nameId)).toEqual(rows.map((r) => r.name_id));
  });
});
