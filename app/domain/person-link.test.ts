import { describe, expect, it } from "vitest";
import { linkedPersonUpdate, referralDifferences, type PersonFacts, type ReferralFacts } from "./person-link";

const referral: ReferralFacts = {
  personName: "Yoga Saputra",
  birthDate: null,
  estimatedAge: 30,
  foundAt: new Date("2026-03-02T03:00:00Z"),
  originProvince: "DKI Jakarta",
  originCity: "Jakarta Barat",
  description: null,
  ppksCategory: "gelandangan",
};
const person: PersonFacts = {
  name: "Yoga",
  birthDate: null,
  birthYear: 1990,
  originProvince: "DKI Jakarta",
  originCity: "Jakarta Timur",
  description: "Tato di lengan kiri",
  ppksCategory: "pengemis",
};

describe("referralDifferences", () => {
  it("lists the fields both know and disagree on, proposing the record except for the category", () => {
    expect(referralDifferences(referral, person)).toEqual([
      { field: "name", person: "Yoga", referral: "Yoga Saputra", proposed: "person" },
      { field: "birthYear", person: "1990", referral: "1996", proposed: "person" },
      { field: "originCity", person: "Jakarta Timur", referral: "Jakarta Barat", proposed: "person" },
      { field: "ppksCategory", person: "pengemis", referral: "gelandangan", proposed: "referral" },
    ]);
  });
  it("ignores case and spacing, a year of estimate, and what either side does not know", () => {
    expect(referralDifferences({ ...referral, personName: "yoga  saputra", originCity: null, estimatedAge: 35, ppksCategory: "pengemis" }, { ...person, name: "Yoga Saputra", birthYear: 1990 })).toEqual([]);
  });
});

describe("linkedPersonUpdate", () => {
  it("keeps the record unless the referral's value is chosen, and fills what the record lacks", () => {
    const lacking = { ...person, originProvince: null };
    expect(linkedPersonUpdate(referral, lacking, [])).toEqual({ originProvince: "DKI Jakarta" });
    expect(linkedPersonUpdate(referral, person, ["name", "originCity"])).toEqual({ name: "Yoga Saputra", unidentified: false, originCity: "Jakarta Barat" });
  });
  it("takes a chosen year of birth as an estimate, and never a field that does not disagree", () => {
    expect(linkedPersonUpdate(referral, person, ["birthYear", "description"])).toEqual({ birthYear: 1996, estimatedBirthYear: 1996 });
  });
});
