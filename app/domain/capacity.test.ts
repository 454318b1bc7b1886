import { describe, expect, it } from "vitest";
import { occupancy, occupancyLevel, totalOccupancy } from "./capacity";

describe("occupancy", () => {
  it("derives free beds, overflow and percentage from counts", () => {
    const o = occupancy({ regularInService: 100, regularOccupied: 80, census: 80, outOfService: 2 });
    expect(o).toMatchObject({ capacity: 100, occupied: 80, available: 20, overflow: 0, census: 80, occupancyPct: 80 });
    expect(o.overCapacity).toBe(false);
  });

  it("counts residents beyond the regular beds as overflow (published normal: 280 for 200)", () => {
    const o = occupancy({ regularInService: 200, regularOccupied: 200, census: 280, outOfService: 0 });
    expect(o.overflow).toBe(80);
    expect(o.available).toBe(0);
    expect(o.occupancyPct).toBe(140);
    expect(o.overCapacity).toBe(true);
    expect(occupancyLevel(o)).toBe("over");
  });

  it("counts residents without a bed as overflow even when beds are free", () => {
    const o = occupancy({ regularInService: 10, regularOccupied: 6, census: 7, outOfService: 0 });
    expect(o).toMatchObject({ occupied: 6, available: 4, overflow: 1, census: 7 });
    expect(o.overCapacity).toBe(false);
  });

  it("has no percentage without capacity", () => {
    const o = occupancy({ regularInService: 0, regularOccupied: 0, census: 3, outOfService: 5 });
    expect(o.occupancyPct).toBeNull();
    expect(o.overCapacity).toBe(true);
  });

  it("rounds the percentage to one decimal", () => {
    expect(occupancy({ regularInService: 3, regularOccupied: 1, census: 1, outOfService: 0 }).occupancyPct).toBe(33.3);
  });

  it("sums several panti", () => {
    const total = totalOccupancy([
      occupancy({ regularInService: 100, regularOccupied: 100, census: 150, outOfService: 1 }),
      occupancy({ regularInService: 50, regularOccupied: 20, census: 20, outOfService: 0 }),
    ]);
    expect(total).toMatchObject({ capacity: 150, occupied: 120, available: 30, overflow: 50, census: 170, outOfService: 1 });
  });

  it("grades levels", () => {
    expect(occupancyLevel(occupancy({ regularInService: 100, regularOccupied: 96, census: 96, outOfService: 0 }))).toBe("full");
    expect(occupancyLevel(occupancy({ regularInService: 100, regularOccupied: 60, census: 60, outOfService: 0 }))).toBe("normal");
    expect(occupancyLevel(occupancy({ regularInService: 100, regularOccupied: 10, census: 10, outOfService: 0 }))).toBe("low");
  });
});
