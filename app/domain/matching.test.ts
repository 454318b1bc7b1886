import { describe, expect, it } from "vitest";
import { occupancy } from "./capacity";
import { ageRange, bestFreeBed, rankPanti, type BedChoice, type MatchPanti } from "./matching";

const occ = (capacity: number, census: number) =>
  occupancy({ regularInService: capacity, regularOccupied: Math.min(capacity, census), census, outOfService: 0 });

const panti = (over: Partial<MatchPanti> & Pick<MatchPanti, "id" | "name" | "type">): MatchPanti => ({
  targetCategories: [],
  sexServed: "any",
  ageMin: null,
  ageMax: null,
  occupancy: occ(100, 50),
  freeBedsForSex: 50,
  ...over,
});

describe("matching", () => {
  const elderly = panti({ id: 1, name: "PSTW Budi Mulia 1", type: "elderly", targetCategories: ["lansia_terlantar"], ageMin: 60 });
  const crowdedElderly = panti({
    id: 2,
    name: "PSTW Budi Mulia 2",
    type: "elderly",
    targetCategories: ["lansia_terlantar"],
    ageMin: 60,
    occupancy: occ(175, 440),
    freeBedsForSex: 0,
  });
  const intake = panti({ id: 3, name: "PSBI Bangun Daya 1", type: "intake", targetCategories: ["gelandangan"] });
  const boys = panti({ id: 4, name: "PSAA Putra Utama 2", type: "children", targetCategories: ["anak_jalanan"], sexServed: "male", ageMax: 18 });

  it("puts the fitting panti with free beds first, then intake, and explains why", () => {
    const ranked = rankPanti({ ppksCategory: "lansia_terlantar", sex: "female", age: 70 }, [intake, boys, crowdedElderly, elderly]);
    expect(ranked.map((r) => r.pantiId)).toEqual([1, 3, 2, 4]);
    expect(ranked[0]!.reasons.map((r) => r.key)).toEqual(["match.categoryFits", "match.ageFits", "match.freeBeds"]);
    expect(ranked[1]!.reasons.map((r) => r.key)).toContain("match.intakeTakesAnyone");
    expect(ranked[2]!.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining(["match.noFreeBed", "match.overCapacity"]),
    );
    expect(ranked[3]!.excluded).toBe(true);
    expect(ranked[3]!.reasons[0]!.key).toBe("match.sexNotServed.male");
  });

  it("penalises ages outside the target range", () => {
    const [child] = rankPanti({ ppksCategory: "anak_jalanan", sex: "male", age: 30 }, [boys]);
    expect(child!.reasons.map((r) => r.key)).toContain("match.ageOutside");
  });
});

describe("best free bed", () => {
  const bed = (over: Partial<BedChoice> & Pick<BedChoice, "id" | "label">): BedChoice => ({
    roomName: "Wisma A",
    roomSex: "male",
    overflow: false,
    inService: true,
    occupied: false,
    ...over,
  });

  it("prefers the person's own ward, skips taken, broken and overflow beds", () => {
    const beds = [
      bed({ id: 1, label: "A-01", occupied: true }),
      bed({ id: 2, label: "A-02", inService: false }),
      bed({ id: 3, label: "M-01", roomName: "Ruang Campur", roomSex: "mixed" }),
      bed({ id: 4, label: "A-10" }),
      bed({ id: 5, label: "A-03" }),
      bed({ id: 6, label: "X-01", overflow: true }),
      bed({ id: 7, label: "F-01", roomSex: "female", roomName: "Wisma B" }),
    ];
    expect(bestFreeBed(beds, "male")!.id).toBe(5);
    expect(bestFreeBed(beds, "female")!.id).toBe(7);
    expect(bestFreeBed(beds.slice(0, 2), "male")).toBeNull();
  });
});

describe("ageRange", () => {
  it("says a range without an upper or lower age in words, never with an empty end", () => {
    expect(ageRange(18, 59)).toBe("18–59");
    expect(ageRange(18, null)).toBe("18+");
    expect(ageRange(null, 17)).toBe("≤ 17");
  });
});
