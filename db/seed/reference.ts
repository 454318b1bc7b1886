/**
 * Reads the reference lists in db/reference/*.csv into rows for the reference tables and the
 * panti registry (panti.csv joined with panti-profile.csv). Checks them on the way in, so that
 * a bad edit to a CSV fails the seed with the file, line and column named.
 */
import fs from "node:fs";
import path from "node:path";
import { parseCsvRecords } from "../../app/utils/csv";
import { PANTI_TYPES, type PantiType } from "../../app/domain/enums";
import type * as schema from "../schema";

export type PantiSexServed = "male" | "female" | "any";

/** One panti of the registry with what the seed needs to lay out rooms and residents. */
export interface PantiProfile {
  code: string;
  name: string;
  type: PantiType;
  targetGroup: string;
  kota: string | null;
  address: string | null;
  /** Declared capacity, or the estimate when none is published (then `capacityEstimated`). */
  capacity: number;
  capacityEstimated: boolean;
  capacityYear: number | null;
  reportedResidents: number | null;
  reportedYear: number | null;
  source: string | null;
  targetCategories: string[];
  sexServed: PantiSexServed;
  ageMin: number | null;
  ageMax: number | null;
  /** Disability subtypes the panti serves (empty when it is not a disability panti). */
  disabilitySubtypes: string[];
}

export interface ReferenceData {
  ppksCategories: (typeof schema.ppksCategories.$inferInsert)[];
  disabilitySubtypes: (typeof schema.disabilitySubtypes.$inferInsert)[];
  exitOutcomes: (typeof schema.exitOutcomes.$inferInsert)[];
  rehabilitationStages: (typeof schema.rehabilitationStages.$inferInsert)[];
  outreachUnits: (typeof schema.outreachUnits.$inferInsert)[];
  partnerProvinces: (typeof schema.partnerProvinces.$inferInsert)[];
  programmes: (typeof schema.programmes.$inferInsert)[];
  psychosocialServices: (typeof schema.psychosocialServices.$inferInsert)[];
  attendanceStatuses: (typeof schema.attendanceStatuses.$inferInsert)[];
  panti: PantiProfile[];
}

/** The reference folder, resolved from the project root like the migrations folder. */
export function referenceDir(): string {
  return path.resolve(process.env.PANTI_ROOT ?? process.cwd(), "db/reference");
}

/**
 * The lists that belong to one province rather than to the shared vocabulary: its panti and
 * their profiles, and its outreach units. db/reference holds DKI Jakarta's; a deployment for
 * another province names a folder with its own copies of these files in PANTI_REGISTRY_DIR.
 */
export const PROVINCE_REGISTRY_FILES = ["panti.csv", "panti-profile.csv", "outreach-units.csv"] as const;

/** The folder of the province's own registry files, when PANTI_REGISTRY_DIR names one. */
export function registryDir(): string | null {
  const configured = process.env.PANTI_REGISTRY_DIR?.trim();
  return configured ? path.resolve(configured) : null;
}

class CsvFile {
  readonly records: Record<string, string>[];

  constructor(
    private readonly dir: string,
    readonly name: string,
  ) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      throw new Error(`Cannot read reference list ${file}: ${(error as Error).message}`);
    }
    try {
      this.records = parseCsvRecords(text);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }

  private where(row: number, column: string): string {
    // Row 0 is on line 2 (after the header) when no field spans lines.
    return `${path.join(this.dir, this.name)} row ${row + 1}, column "${column}"`;
  }

  text(row: number, column: string): string {
    const value = this.records[row]?.[column];
    if (value === undefined) throw new Error(`${this.where(row, column)}: column is missing`);
    return value.trim();
  }

  required(row: number, column: string): string {
    const value = this.text(row, column);
    if (value === "") throw new Error(`${this.where(row, column)}: value is required`);
    return value;
  }

  optional(row: number, column: string): string | null {
    const value = this.text(row, column);
    return value === "" ? null : value;
  }

  integer(row: number, column: string): number | null {
    const value = this.optional(row, column);
    if (value === null) return null;
    if (!/^-?\d+$/.test(value)) {
      throw new Error(`${this.where(row, column)}: "${value}" is not a whole number`);
    }
    return Number(value);
  }

  oneOf<T extends string>(row: number, column: string, allowed: readonly T[]): T {
    const value = this.required(row, column);
    if (!(allowed as readonly string[]).includes(value)) {
      throw new Error(`${this.where(row, column)}: "${value}" is not one of ${allowed.join(", ")}`);
    }
    return value as T;
  }

  codes(row: number, column: string, known: ReadonlySet<string>): string[] {
    const codes = this.text(row, column).split(/\s+/).filter(Boolean);
    for (const code of codes) {
      if (!known.has(code)) throw new Error(`${this.where(row, column)}: unknown code "${code}"`);
    }
    return codes;
  }

  map<T>(build: (row: number) => T): T[] {
    return this.records.map((_, row) => build(row));
  }
}

function uniqueCodes<T extends { code: string }>(file: string, rows: T[]): T[] {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.code)) throw new Error(`${file}: code "${row.code}" appears twice`);
    seen.add(row.code);
  }
  return rows;
}

export function loadReferenceData(dir = referenceDir(), registry = registryDir()): ReferenceData {
  const read = (name: string) =>
    new CsvFile(registry && (PROVINCE_REGISTRY_FILES as readonly string[]).includes(name) ? registry : dir, name);

  const categoriesCsv = read("ppks-categories.csv");
  const ppksCategories = uniqueCodes(
    categoriesCsv.name,
    categoriesCsv.map((r) => ({
      code: categoriesCsv.required(r, "code"),
      nameId: categoriesCsv.required(r, "name_id"),
      nameEn: categoriesCsv.required(r, "name_en"),
    })),
  );

  const subtypesCsv = read("disability-subtypes.csv");
  const disabilitySubtypes = uniqueCodes(
    subtypesCsv.name,
    subtypesCsv.map((r) => ({
      code: subtypesCsv.required(r, "code"),
      nameId: subtypesCsv.required(r, "name_id"),
      nameEn: subtypesCsv.required(r, "name_en"),
    })),
  );

  const outcomesCsv = read("exit-outcomes.csv");
  const exitOutcomes = uniqueCodes(
    outcomesCsv.name,
    outcomesCsv.map((r) => ({
      code: outcomesCsv.required(r, "code"),
      nameId: outcomesCsv.required(r, "name_id"),
      nameEn: outcomesCsv.required(r, "name_en"),
      outcomeGroup: outcomesCsv.required(r, "group"),
      positive: outcomesCsv.oneOf(r, "positive", ["yes", "no", "neutral"] as const),
    })),
  );

  const stagesCsv = read("rehabilitation-stages.csv");
  const rehabilitationStages = uniqueCodes(
    stagesCsv.name,
    stagesCsv.map((r) => {
      const position = stagesCsv.integer(r, "order");
      if (position === null) throw new Error(`${stagesCsv.name} row ${r + 1}: "order" is required`);
      return {
        code: stagesCsv.required(r, "code"),
        position,
        nameId: stagesCsv.required(r, "name_id"),
        nameEn: stagesCsv.required(r, "name_en"),
      };
    }),
  ).sort((a, b) => a.position - b.position);

  const unitsCsv = read("outreach-units.csv");
  const outreachUnits = uniqueCodes(
    unitsCsv.name,
    unitsCsv.map((r) => ({
      code: unitsCsv.required(r, "code"),
      nameId: unitsCsv.required(r, "name_id"),
      kota: unitsCsv.optional(r, "kota"),
    })),
  );

  const provincesCsv = read("fkd-mpu-provinces.csv");
  const partnerProvinces = uniqueCodes(
    provincesCsv.name,
    provincesCsv.map((r) => ({
      code: provincesCsv.required(r, "code"),
      name: provincesCsv.required(r, "name"),
      office: provincesCsv.required(r, "office"),
    })),
  );

  const programmesCsv = read("programmes.csv");
  const programmes = uniqueCodes(
    programmesCsv.name,
    programmesCsv.map((r) => ({
      code: programmesCsv.required(r, "code"),
      nameId: programmesCsv.required(r, "name_id"),
      nameEn: programmesCsv.required(r, "name_en"),
      kind: programmesCsv.required(r, "kind"),
    })),
  );

  const servicesCsv = read("psychosocial-services.csv");
  const psychosocialServices = uniqueCodes(
    servicesCsv.name,
    servicesCsv.map((r) => ({
      code: servicesCsv.required(r, "code"),
      nameId: servicesCsv.required(r, "name_id"),
      nameEn: servicesCsv.required(r, "name_en"),
    })),
  );

  const attendanceCsv = read("attendance-statuses.csv");
  const attendanceStatuses = uniqueCodes(
    attendanceCsv.name,
    attendanceCsv.map((r) => ({
      code: attendanceCsv.required(r, "code"),
      nameId: attendanceCsv.required(r, "name_id"),
      nameEn: attendanceCsv.required(r, "name_en"),
      points: attendanceCsv.integer(r, "points") ?? 0,
    })),
  );

  const panti = loadPanti(
    read("panti.csv"),
    read("panti-profile.csv"),
    new Set(ppksCategories.map((c) => c.code)),
    new Set(disabilitySubtypes.map((s) => s.code)),
  );

  return {
    ppksCategories,
    disabilitySubtypes,
    exitOutcomes,
    rehabilitationStages,
    outreachUnits,
    partnerProvinces,
    programmes,
    psychosocialServices,
    attendanceStatuses,
    panti,
  };
}

function loadPanti(
  registry: CsvFile,
  profiles: CsvFile,
  categories: ReadonlySet<string>,
  subtypes: ReadonlySet<string>,
): PantiProfile[] {
  const profileRow = new Map<string, number>();
  profiles.map((r) => {
    const code = profiles.required(r, "code");
    if (profileRow.has(code)) throw new Error(`${profiles.name}: code "${code}" appears twice`);
    profileRow.set(code, r);
  });

  const rows = registry.map((r): PantiProfile => {
    const code = registry.required(r, "code");
    const p = profileRow.get(code);
    if (p === undefined) throw new Error(`${profiles.name}: no profile row for panti ${code}`);
    profileRow.delete(code);

    const declared = registry.integer(r, "capacity");
    const estimated = profiles.integer(p, "estimated_capacity");
    const capacity = declared ?? estimated;
    if (capacity === null || capacity <= 0) {
      throw new Error(
        `panti ${code}: no capacity in ${registry.name} and no estimated_capacity in ${profiles.name}`,
      );
    }
    const ageMin = profiles.integer(p, "age_min");
    const ageMax = profiles.integer(p, "age_max");
    if (ageMin !== null && ageMax !== null && ageMin > ageMax) {
      throw new Error(`${profiles.name}: panti ${code} has age_min above age_max`);
    }
    const targetCategories = profiles.codes(p, "target_categories", categories);
    if (targetCategories.length === 0) {
      throw new Error(`${profiles.name}: panti ${code} has no target_categories`);
    }

    return {
      code,
      name: registry.required(r, "name"),
      type: registry.oneOf(r, "type", PANTI_TYPES),
      targetGroup: registry.text(r, "target_group"),
      kota: registry.optional(r, "kota"),
      address: registry.optional(r, "address"),
      capacity,
      capacityEstimated: declared === null,
      capacityYear: registry.integer(r, "capacity_year"),
      reportedResidents: registry.integer(r, "reported_residents"),
      reportedYear: registry.integer(r, "reported_year"),
      source: registry.optional(r, "source"),
      targetCategories,
      sexServed: profiles.oneOf(p, "sex_served", ["male", "female", "any"] as const),
      ageMin,
      ageMax,
      disabilitySubtypes: profiles.codes(p, "disability_subtypes", subtypes),
    };
  });

  const extra = [...profileRow.keys()];
  if (extra.length > 0) {
    throw new Error(`${profiles.name}: profile rows for unknown panti ${extra.join(", ")}`);
  }
  return uniqueCodes(registry.name, rows);
}
