import { describe, expect, it } from "vitest";
import { checkOverlaps, matchRows, overlaps, PersonIndex, type HistoryStay } from "./history";

const d = (s: string) => new Date(`${s}T00:00:00+07:00`);
const span = (from: string, to: string | null) => ({ from: d(from).getTime(), to: to ? d(to).getTime() : null });

describe("overlaps", () => {
  it("treats stays as half-open: an exit and an admission at the same moment do not overlap; an open stay runs on", () => {
    expect(overlaps(span("2024-01-01", "2024-02-01"), span("2024-02-01", "2024-03-01"))).toBe(false);
    expect(overlaps(span("2024-01-01", "2024-02-02"), span("2024-02-01", "2024-03-01"))).toBe(true);
    expect(overlaps(span("2024-01-01", null), span("2030-01-01", "2030-02-01"))).toBe(true);
    expect(overlaps(span("2024-05-01", null), span("2024-01-01", "2024-04-01"))).toBe(false);
  });
});

describe("finding people again", () => {
  const index = () =>
    new PersonIndex([
      { id: 1, nik: "3173000000000001", name: "Budi Santoso", sex: "male", birthYear: 1960 },
      { id: 2, nik: null, name: "Siti Aminah", sex: "female", birthYear: 1958 },
    ]);
  it("links by NIK; a row with a NIK nobody has is someone new, whatever the name", () => {
    expect(index().find({ nik: "3173000000000001", name: "B. Santoso", sex: "male", birthYear: null })).toMatchObject({ personId: 1, reason: "nik" });
    expect(index().find({ nik: "3173000000000002", name: "Budi Santoso", sex: "male", birthYear: 1960 })).toBeNull();
  });
  it("links a row without NIK by a similar name of the same sex and birth year", () => {
    expect(index().find({ nik: null, name: "Siti Aminah", sex: "female", birthYear: 1960 })).toMatchObject({ personId: 2, reason: "name" });
    expect(index().find({ nik: null, name: "Sity Aminah", sex: "female", birthYear: null })).toMatchObject({ personId: 2 });
    expect(index().find({ nik: null, name: "Siti Aminah", sex: "male", birthYear: 1960 })).toBeNull();
    expect(index().find({ nik: null, name: "Siti Aminah", sex: "female", birthYear: 1990 })).toBeNull();
  });
  it("makes rows of one file that name the same person one person", () => {
    const row = (r: number, nik: string | null, name: string): HistoryStay => ({ row: r, person: { nik, name, sex: "male", birthYear: 1970 }, pantiId: 1, admittedAt: d("2024-01-01"), exitedAt: null, bedId: null });
    const refs = matchRows([row(2, "3173000000000009", "Joko"), row(3, "3173000000000009", "Joko W"), row(4, null, "Slamet Riyadi"), row(5, null, "Slamet Riyadi")], index());
    expect(refs).toEqual([
      { kind: "new", firstRow: 2 },
      { kind: "new", firstRow: 2 },
      { kind: "new", firstRow: 4 },
      { kind: "new", firstRow: 4 },
    ]);
  });
});

describe("overlap checks", () => {
  const stay = (row: number, from: string, to: string | null, bedId: number | null = null): HistoryStay => ({
    row,
    person: { nik: `31730000000000${row}`, name: null, sex: "male", birthYear: null },
    pantiId: 1,
    admittedAt: d(from),
    exitedAt: to ? d(to) : null,
    bedId,
  });
  it("refuses a bed held in the database or by an earlier row, and a person's overlapping stays", () => {
    const rows = [stay(2, "2024-01-01", "2024-02-01", 7), stay(3, "2024-01-15", "2024-03-01", 7), stay(4, "2024-02-01", "2024-03-01", 7), stay(5, "2023-01-01", null, 8)];
    const people = matchRows(rows, new PersonIndex());
    const bedHistory = new Map([[8, [{ ...span("2023-06-01", "2023-07-01"), row: null, pantiName: "Panti A" }]]]);
    const issues = checkOverlaps(rows, people, new Map(), bedHistory);
    expect(issues.map((i) => [i.row, i.key])).toEqual([
      [3, "history.error.bedRowOverlap"],
      [5, "history.error.bedHeld"],
    ]);
    const same = [stay(2, "2024-01-01", "2024-02-01"), { ...stay(3, "2024-01-20", "2024-03-01"), person: stay(2, "", null).person }];
    expect(checkOverlaps(same, matchRows(same, new PersonIndex()), new Map(), new Map()).map((i) => i.key)).toEqual(["history.error.personRowOverlap"]);
  });
});
