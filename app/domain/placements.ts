/**
 * Referrals from outreach (placements): the input every channel shares (form, batch file, API),
 * and the status machine pending → accepted | declined | redirected | cancelled.
 */
import * as z from "zod/mini";
import { KOTA, PLACEMENT_STATUSES, REACH_METHODS, SEXES, type PlacementStatus } from "./enums";
import { checkbox, idField, repeatedField, transformIssue } from "./fields";
import { DISABILITY_SUBTYPE_CODES, OUTREACH_UNIT_CODES, PPKS_CATEGORY_CODES } from "./reference";
import { personName, plainText, sixteenDigits } from "./text";
import { ageOn, isCalendarDate, jakartaDate, parseJakartaDateTime, toJakartaParts } from "./time";

/** Clock skew tolerated for "not in the future" (devices in the field are not always on time). */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
const EARLIEST = Date.UTC(2000, 0, 1);

const optionalText = (max: number) => z.optional(plainText(max));

const instant = () =>
  z.pipe(z.union([z.string(), z.date()]), z.transform((value, ctx) => {
    const date = value instanceof Date ? value : parseJakartaDateTime(value);
    if (!date || Number.isNaN(date.getTime())) {
      transformIssue(ctx, "error.datetime");
      return z.NEVER;
    }
    if (date.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      transformIssue(ctx, "error.future");
      return z.NEVER;
    }
    if (date.getTime() < EARLIEST) {
      transformIssue(ctx, "error.too_old");
      return z.NEVER;
    }
    return date;
  }));

const birthDate = () =>
  z.string().check(
    z.trim(),
    z.refine(isCalendarDate, "error.date"),
    z.refine((v) => v <= jakartaDate(new Date()), "error.future"),
    z.refine((v) => v >= "1900-01-01", "error.too_old"),
  );

/** The fields of a referral, as typed by outreach (form and API use these names). */
export const placementFields = {
  outreachUnit: z.enum(OUTREACH_UNIT_CODES),
  officerName: personName(),
  externalRef: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9._:/#-]+$/, "error.external_ref"))),
  foundAt: instant(),
  foundKota: z.optional(z.enum(KOTA)),
  foundKecamatan: optionalText(80),
  foundKelurahan: optionalText(80),
  foundPlace: optionalText(200),
  reachMethod: z.enum(REACH_METHODS),
  personName: z.optional(personName()),
  unidentified: checkbox(),
  description: optionalText(500),
  sex: z.enum(SEXES),
  birthDate: z.optional(birthDate()),
  estimatedAge: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(120))),
  nik: z.optional(sixteenDigits()),
  kk: z.optional(sixteenDigits()),
  originProvince: optionalText(80),
  originCity: optionalText(80),
  ppksCategory: z.enum(PPKS_CATEGORY_CODES),
  disabilitySubtypes: z.pipe(z.optional(z.union([z.array(z.enum(DISABILITY_SUBTYPE_CODES)), z.enum(DISABILITY_SUBTYPE_CODES)])), z.transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))),
  assessmentSummary: z.pipe(plainText(2000), z.string().check(z.minLength(3))),
  healthNotes: optionalText(1000),
  urgentNeeds: optionalText(1000),
  belongings: optionalText(1000),
  targetPantiId: idField(),
};

type Fields = z.output<z.ZodMiniObject<typeof placementFields>>;

/** Rules across fields: who the person is, and how old (`foundAt`: when they were found, or admitted). */
export function checkPerson(
  v: Pick<Fields, "personName" | "unidentified" | "description" | "birthDate" | "estimatedAge"> & { foundAt?: Date },
  ctx: z.core.$RefinementCtx,
) {
  if (!v.personName && !v.unidentified) {
    ctx.addIssue({ code: "custom", path: ["personName"], message: "placement.error.nameOrUnidentified" });
  }
  if (v.unidentified && !v.description) {
    ctx.addIssue({ code: "custom", path: ["description"], message: "placement.error.describeUnidentified" });
  }
  if (!v.birthDate && v.estimatedAge === undefined) {
    ctx.addIssue({ code: "custom", path: ["estimatedAge"], message: "placement.error.ageNeeded" });
  }
  if (v.birthDate && v.foundAt && v.birthDate > jakartaDate(v.foundAt)) {
    ctx.addIssue({ code: "custom", path: ["birthDate"], message: "placement.error.bornAfterFound" });
  }
}

export const placementInputSchema = z.object(placementFields).check(z.superRefine(checkPerson));
export type PlacementInput = z.output<typeof placementInputSchema>;

/** The API body: the same fields, strict (unknown keys are an error, not silently dropped). */
export const placementApiSchema = z.catchall(z.object({ ...placementFields, outreachUnit: z.optional(placementFields.outreachUnit) }), z.never()).check(
  z.superRefine((v, ctx) => checkPerson(v as Fields, ctx)),
);

// ---------------------------------------------------------------------------
// Status machine
// ---------------------------------------------------------------------------

const TRANSITIONS: Record<PlacementStatus, readonly PlacementStatus[]> = {
  pending: ["accepted", "declined", "redirected", "cancelled"],
  accepted: [],
  declined: [],
  redirected: [],
  cancelled: [],
};

/** Statuses that need a written reason. */
export const REASON_REQUIRED: readonly PlacementStatus[] = ["declined", "redirected", "cancelled"];

export type TransitionCheck = { ok: true } | { ok: false; messageKey: string; params: Record<string, string> };

export function checkTransition(from: PlacementStatus, to: PlacementStatus, reason?: string | null): TransitionCheck {
  if (!TRANSITIONS[from].includes(to)) {
    return { ok: false, messageKey: "placement.error.transition", params: { from, to } };
  }
  if (REASON_REQUIRED.includes(to) && !(reason && reason.trim().length >= 3)) {
    return { ok: false, messageKey: "placement.error.reasonRequired", params: { to } };
  }
  return { ok: true };
}

export function isFinal(status: PlacementStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export { PLACEMENT_STATUSES };

// ---------------------------------------------------------------------------
// Decisions (forms of the panti queue)
// ---------------------------------------------------------------------------

export const declineSchema = z.object({
  intent: z.literal("decline"),
  reason: z.pipe(plainText(500), z.string().check(z.minLength(3))),
});

export const redirectSchema = z.object({
  intent: z.literal("redirect"),
  reason: z.pipe(plainText(500), z.string().check(z.minLength(3))),
  toPantiId: idField(),
});

export const cancelSchema = z.object({
  intent: z.literal("cancel"),
  reason: z.pipe(plainText(500), z.string().check(z.minLength(3))),
});

export const acceptSchema = z
  .object({
    intent: z.literal("accept"),
    /** A bed id, or "overflow" for an extra place. */
    bed: z.union([z.literal("overflow"), idField()]),
    /** "new" to create the person, or the id of an existing person to link. */
    person: z.union([z.literal("new"), idField()]),
    admittedAt: z.optional(instant()),
    /** "<personId>.<field>": where the referral and that person's record disagree, take the referral's value. */
    take: z.optional(repeatedField(z.string().check(z.regex(/^\d+\.[a-zA-Z]+$/)))),
  });
export type AcceptInput = z.output<typeof acceptSchema>;

/** Age in years at a date, from the birth date or the estimate. */
export function placementAge(p: { birthDate?: string | null; estimatedAge?: number | null; foundAt: Date }, on: Date): number | null {
  if (p.birthDate) return ageOn(p.birthDate, on);
  if (p.estimatedAge != null) {
    const years = (on.getTime() - p.foundAt.getTime()) / (365.25 * 86_400_000);
    return Math.floor(p.estimatedAge + Math.max(0, years));
  }
  return null;
}

/** Year of birth from a birth date or an age estimated at a date. */
export function birthYearOf(p: { birthDate?: string | null; estimatedAge?: number | null; at: Date }): number | null {
  if (p.birthDate) return Number(p.birthDate.slice(0, 4));
  if (p.estimatedAge != null) return toJakartaParts(p.at).year - p.estimatedAge;
  return null;
}

/** Filters of the referral list, from the query string; nonsense values are ignored. */
export const placementListFilterSchema = z.object({
  status: z.catch(z.optional(z.enum(PLACEMENT_STATUSES)), undefined),
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  unit: z.catch(z.optional(z.enum(OUTREACH_UNIT_CODES)), undefined),
  page: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))), undefined),
});


export const moveBedSchema = z.object({
  intent: z.literal("move"),
  bed: z.union([z.literal("overflow"), idField()]),
});

export const transferSchema = z.object({
  intent: z.literal("transfer"),
  toPantiId: idField(),
  reason: z.pipe(plainText(2000), z.string().check(z.minLength(3))),
});
