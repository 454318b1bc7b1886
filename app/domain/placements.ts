/**
 * Referrals from outreach (placements): the input every channel shares (form, batch file, API),
 * and the status machine pending → accepted | declined | redirected | cancelled.
 */
import * as z from "zod";
import { KOTA, PLACEMENT_STATUSES, REACH_METHODS, SEXES, type PlacementStatus } from "./enums";
import { checkbox, idField, repeatedField } from "./fields";
import { DISABILITY_SUBTYPE_CODES, OUTREACH_UNIT_CODES, PPKS_CATEGORY_CODES } from "./reference";
import { personName, plainText, sixteenDigits } from "./text";
import { ageOn, isCalendarDate, jakartaDate, parseJakartaDateTime, toJakartaParts } from "./time";

/** Clock skew tolerated for "not in the future" (devices in the field are not always on time). */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
const EARLIEST = Date.UTC(2000, 0, 1);

const optionalText = (max: number) => plainText(max).optional();

const instant = () =>
  z
    .union([z.string(), z.date()])
    .transform((value, ctx) => {
      const date = value instanceof Date ? value : parseJakartaDateTime(value);
      if (!date || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "error.datetime" });
        return z.NEVER;
      }
      if (date.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
        ctx.addIssue({ code: "custom", message: "error.future" });
        return z.NEVER;
      }
      if (date.getTime() < EARLIEST) {
        ctx.addIssue({ code: "custom", message: "error.too_old" });
        return z.NEVER;
      }
      return date;
    });

const birthDate = () =>
  z
    .string()
    .trim()
    .refine(isCalendarDate, "error.date")
    .refine((v) => v <= jakartaDate(new Date()), "error.future")
    .refine((v) => v >= "1900-01-01", "error.too_old");

/** The fields of a referral, as typed by outreach (form and API use these names). */
export const placementFields = {
  outreachUnit: z.enum(OUTREACH_UNIT_CODES),
  officerName: personName(),
  externalRef: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._:/#-]+$/, "error.external_ref")
    .optional(),
  foundAt: instant(),
  foundKota: z.enum(KOTA).optional(),
  foundKecamatan: optionalText(80),
  foundKelurahan: optionalText(80),
  foundPlace: optionalText(200),
  reachMethod: z.enum(REACH_METHODS),
  personName: personName().optional(),
  unidentified: checkbox(),
  description: optionalText(500),
  sex: z.enum(SEXES),
  birthDate: birthDate().optional(),
  estimatedAge: z.coerce.number().int().min(0).max(120).optional(),
  nik: sixteenDigits().optional(),
  kk: sixteenDigits().optional(),
  originProvince: optionalText(80),
  originCity: optionalText(80),
  ppksCategory: z.enum(PPKS_CATEGORY_CODES),
  disabilitySubtypes: z
    .union([z.array(z.enum(DISABILITY_SUBTYPE_CODES)), z.enum(DISABILITY_SUBTYPE_CODES)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
  assessmentSummary: plainText(2000).pipe(z.string().min(3)),
  healthNotes: optionalText(1000),
  urgentNeeds: optionalText(1000),
  belongings: optionalText(1000),
  targetPantiId: idField(),
};

type Fields = z.output<z.ZodObject<typeof placementFields>>;

/** Rules across fields: who the person is, and how old (`foundAt`: when they were found, or admitted). */
export function checkPerson(
  v: Pick<Fields, "personName" | "unidentified" | "description" | "birthDate" | "estimatedAge"> & { foundAt?: Date },
  ctx: z.RefinementCtx,
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

export const placementInputSchema = z.object(placementFields).superRefine(checkPerson);
export type PlacementInput = z.output<typeof placementInputSchema>;

/** The API body: the same fields, strict (unknown keys are an error, not silently dropped). */
export const placementApiSchema = z
  .object({ ...placementFields, outreachUnit: placementFields.outreachUnit.optional() })
  .strict()
  .superRefine((v, ctx) => checkPerson(v as Fields, ctx));

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
  reason: plainText(500).pipe(z.string().min(3)),
});

export const redirectSchema = z.object({
  intent: z.literal("redirect"),
  reason: plainText(500).pipe(z.string().min(3)),
  toPantiId: idField(),
});

export const cancelSchema = z.object({
  intent: z.literal("cancel"),
  reason: plainText(500).pipe(z.string().min(3)),
});

export const acceptSchema = z
  .object({
    intent: z.literal("accept"),
    /** A bed id, or "overflow" for an extra place. */
    bed: z.union([z.literal("overflow"), idField()]),
    /** "new" to create the person, or the id of an existing person to link. */
    person: z.union([z.literal("new"), idField()]),
    admittedAt: instant().optional(),
    /** "<personId>.<field>": where the referral and that person's record disagree, take the referral's value. */
    take: repeatedField(z.string().regex(/^\d+\.[a-zA-Z]+$/)).optional(),
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
  status: z.enum(PLACEMENT_STATUSES).optional().catch(undefined),
  panti: z.coerce.number().int().positive().optional().catch(undefined),
  unit: z.enum(OUTREACH_UNIT_CODES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});


export const moveBedSchema = z.object({
  intent: z.literal("move"),
  bed: z.union([z.literal("overflow"), idField()]),
});

export const transferSchema = z.object({
  intent: z.literal("transfer"),
  toPantiId: idField(),
  reason: plainText(2000).pipe(z.string().min(3)),
});
