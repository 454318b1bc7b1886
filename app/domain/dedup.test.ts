import { describe, expect, it } from "vitest";
import { matchPerson, nameSimilarity, normalizeName, rankCandidates } from "./dedup";

describe("names", () => {
  it("normalises case, diacritics, punctuation and titles", () => {
    expect(normalizeName("Bpk. H. Sútrisno,  S.")).toBe("sutrisno s");
  });
  it("scores spelling variants high and different people low", () => {
    expect(nameSimilarity("Suparman", "Soeparman")).toBeGreaterThan(0.72);
    expect(nameSimilarity("Siti Aminah", "Aminah Siti")).toBe(1);
    expect(nameSimilarity("Budi Santoso", "Agus Salim")).toBeLessThan(0.4);
  });
});

describe("candidates", () => {
  const people = [
    { id: 1, nik: "3173010101800001", name: "Joko Widodo", sex: "male" as const, birthYear: 1980 },
    { id: 2, nik: null, name: "Soeparman", sex: "male" as const, birthYear: 1955 },
    { id: 3, nik: null, name: "Suparmi", sex: "female" as const, birthYear: 1955 },
    { id: 4, nik: null, name: "Suparman", sex: "male" as const, birthYear: 1990 },
  ];
  it("finds an exact NIK whatever the name", () => {
    expect(matchPerson({ nik: "3173010101800001", name: "X", sex: "female", birthYear: null }, people[0]!)).toEqual({
      personId: 1,
      reason: "nik",
      score: 1,
    });
  });
  it("finds similar names of the same sex and about the same birth year", () => {
    const found = rankCandidates({ name: "Suparman", sex: "male", birthYear: 1957 }, people);
    expect(found.map((m) => m.personId)).toEqual([2]);
    const unknownYear = rankCandidates({ name: "Suparman", sex: "male", birthYear: null }, people);
    expect(unknownYear.map((m) => m.personId)).toEqual([4, 2]);
  });
});
