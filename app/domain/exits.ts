/**
 * The end of a stay (terminasi): the outcome, its date, the details that fit the outcome, the
 * undo grace period, follow-ups after positive exits, and what counts as a re-entry.
 */
import * as z from "zod/mini";
import { EXIT_OUTCOME_CODES, EXIT_OUTCOMES, type ExitOutcome } from "./reference";
import { checkbox, idField, jakartaInstant } from "./fields";
import { plainText, personName } from "./text";
import { grantFor, type Role } from "./permissions";
import { toJakartaParts } from "./time";

/** FKD-MPU partner provinces: the 2025 agreement on handling and repatriating PPKS. */
export const PARTNER_PROVINCES = [
  "DKI Jakarta",
  "Jawa Barat",
  "Jawa Tengah",
  "DI Yogyakarta",
  "Jawa Timur",
  "Bali",
  "Lampung",
  "Nusa Tenggara Barat",
  "Banten",
  "Nusa Tenggara Timur",
] as const;

/** The 38 provinces of Indonesia, for the repatriation form. */
export const PROVINCES = [
  "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
  "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat", "Banten", "Jawa Tengah",
  "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
  "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
  "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
  "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Tengah", "Papua Pegunungan", "Papua Selatan",
] as const;

export function isPartnerProvince(province: string): boolean {
  return (PARTNER_PROVINCES as readonly string[]).includes(province);
}

export const TRANSPORT_MODES = ["bus", "train", "ship", "plane", "car", "other"] as const;
export const FAMILY_DOCUMENTS = ["ktp", "kk", "rtRwLetter", "kelurahanLetter", "signedStatement"] as const;
/** Documents a family must bring to take a resident home. */
export const REQUIRED_FAMILY_DOCUMENTS = ["ktp", "kk", "signedStatement"] as const;

/** Outcomes counted as positive in reports (returned, repatriated, independent, adopted, completed). */
export function isPositiveOutcome(outcome: string): boolean {
  return EXIT_OUTCOMES.find((o) => o.code === outcome)?.positive === "yes";
}


export const exitSchema = z.object({
  intent: z.optional(z.literal("exit")),
  outcome: z.enum(EXIT_OUTCOME_CODES),
  exitedAt: jakartaInstant(),
  notes: z.optional(plainText(2000)),
  // Family (returned_family, adopted)
  familyName: z.optional(personName()),
  familyRelation: z.optional(plainText(60)),
  familyAddress: z.optional(plainText(300)),
  familyPhone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 -]{6,20}$/, "error.phone"))),
  docKtp: checkbox(),
  docKk: checkbox(),
  docRtRwLetter: checkbox(),
  docKelurahanLetter: checkbox(),
  docSignedStatement: checkbox(),
  // Repatriation
  province: z.optional(z.enum(PROVINCES)),
  city: z.optional(plainText(80)),
  escort: z.optional(plainText(120)),
  transport: z.optional(z.enum(TRANSPORT_MODES)),
  /** The FKD-MPU hand-off this repatriation goes with (one of the stay's, checked by the service). */
  handoffId: z.pipe(z.transform((v) => (v === "" ? undefined : v)), z.optional(idField())),
  /** Why a repatriation to a partner province goes without a hand-off. */
  noHandoffReason: z.optional(plainText(500)),
  // Transfer
  toPantiId: z.optional(idField()),
  // Hospital / institution / independent living
  institutionName: z.optional(plainText(150)),
  address: z.optional(plainText(300)),
  // Absconded / deceased: the incident it refers to
  incidentId: z.optional(idField()),
}).check(z.superRefine((v, ctx) => {
  const need = (field: keyof typeof v, message = "error.required") => {
    if (v[field] === undefined || v[field] === "") ctx.addIssue({ code: "custom", path: [field], message });
  };
  switch (v.outcome) {
    case "returned_family":
    case "adopted":
      need("familyName");
      need("familyRelation");
      need("familyAddress");
      if (v.outcome === "returned_family") {
        if (!v.docKtp) ctx.addIssue({ code: "custom", path: ["docKtp"], message: "exit.error.documentNeeded" });
        if (!v.docKk) ctx.addIssue({ code: "custom", path: ["docKk"], message: "exit.error.documentNeeded" });
        if (!v.docSignedStatement) {
          ctx.addIssue({ code: "custom", path: ["docSignedStatement"], message: "exit.error.documentNeeded" });
        }
      }
      break;
    case "repatriated_home_region":
      need("province");
      need("city");
      need("transport");
      if (v.province && isPartnerProvince(v.province) && v.handoffId === undefined && !v.noHandoffReason) {
        ctx.addIssue({ code: "custom", path: ["noHandoffReason"], message: "handoff.exit.error.reason" });
      }
      break;
    case "transferred_panti":
      need("toPantiId");
      need("notes", "exit.error.transferSummary");
      break;
    case "referred_hospital":
    case "referred_other_institution":
      need("institutionName");
      break;
    case "other":
      need("notes");
      break;
    default:
      break;
  }
}));
export type ExitInput = z.output<typeof exitSchema>;

/** An exit's form as it waits for approval (JSON: the date as an ISO instant). */
export function exitRequestPayload(input: ExitInput): Record<string, unknown> {
  return { ...input, exitedAt: input.exitedAt.toISOString() };
}

/** The exit a request asked for, to record once it is approved. */
export function exitFromRequest(payload: Record<string, unknown>): ExitInput {
  return { ...(payload as unknown as ExitInput), exitedAt: new Date(String(payload.exitedAt)) };
}

/** The outcome-specific details kept with the stay (only the fields that fit the outcome). */
export function exitDetails(input: ExitInput): Record<string, unknown> {
  switch (input.outcome) {
    case "returned_family":
    case "adopted":
      return {
        familyName: input.familyName,
        familyRelation: input.familyRelation,
        familyAddress: input.familyAddress,
        familyPhone: input.familyPhone ?? null,
        documents: {
          ktp: input.docKtp,
          kk: input.docKk,
          rtRwLetter: input.docRtRwLetter,
          kelurahanLetter: input.docKelurahanLetter,
          signedStatement: input.docSignedStatement,
        },
      };
    case "repatriated_home_region":
      return {
        province: input.province,
        city: input.city,
        escort: input.escort ?? null,
        transport: input.transport,
        partnerProvince: isPartnerProvince(input.province ?? ""),
        handoffId: input.handoffId ?? null,
        noHandoffReason: input.handoffId === undefined ? (input.noHandoffReason ?? null) : null,
      };
    case "transferred_panti":
      return { toPantiId: input.toPantiId };
    case "referred_hospital":
    case "referred_other_institution":
      return { institutionName: input.institutionName, address: input.address ?? null };
    case "independent_living":
      return { address: input.address ?? null, institutionName: input.institutionName ?? null };
    default:
      return {};
  }
}

/** A one-line destination for lists ("Keluarga: Ibu Sri (anak), Bekasi"). */
export function exitDestinationText(input: ExitInput, transferPantiName?: string): string | null {
  switch (input.outcome) {
    case "returned_family":
    case "adopted":
      return `${input.familyName} (${input.familyRelation}), ${input.familyAddress}`;
    case "repatriated_home_region":
      return `${input.city}, ${input.province}`;
    case "transferred_panti":
      return transferPantiName ?? null;
    case "referred_hospital":
    case "referred_other_institution":
      return input.institutionName ?? null;
    case "independent_living":
      return input.address ?? input.institutionName ?? null;
    default:
      return null;
  }
}

export type ExitDateCheck = { ok: true } | { ok: false; messageKey: string };

/** An exit cannot be before the admission nor in the future (10 minutes of clock skew allowed). */
export function checkExitDate(admittedAt: Date, exitedAt: Date, now: Date): ExitDateCheck {
  if (exitedAt.getTime() < admittedAt.getTime()) return { ok: false, messageKey: "exit.error.beforeAdmission" };
  if (exitedAt.getTime() > now.getTime() + 10 * 60 * 1000) return { ok: false, messageKey: "error.future" };
  return { ok: true };
}

/** Hours during which the panti that recorded an exit may undo it; after that only Dinsos. */
export const UNDO_GRACE_HOURS = 72;

export function canUndoExit(recordedAt: Date, now: Date, role: Role): boolean {
  // Dinsos may end and undo a stay in any panti: the grace period does not bind it.
  if (grantFor(role, "stay:exit") === "any") return true;
  return now.getTime() - recordedAt.getTime() <= UNDO_GRACE_HOURS * 3_600_000;
}

export const undoExitSchema = z.object({
  intent: z.literal("undo-exit"),
  reason: z.pipe(plainText(500), z.string().check(z.minLength(3))),
});

/** Follow-up contacts after a positive exit, in months. */
export const FOLLOW_UP_MONTHS = [1, 3, 6] as const;

/** The due dates (YYYY-MM-DD, Jakarta) of the follow-ups after an exit. */
export function followUpDueDates(exitedAt: Date): { sequence: number; dueDate: string }[] {
  const p = toJakartaParts(exitedAt);
  return FOLLOW_UP_MONTHS.map((months) => {
    const monthIndex = p.month - 1 + months;
    const year = p.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = Math.min(p.day, lastDay);
    return { sequence: months, dueDate: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
  });
}

/**
 * Days after its due date that a follow-up is still worth scheduling when an exit is recorded
 * late. An exit entered long after it happened (a historical import, a late record) does not fill
 * the list with follow-ups that were overdue before anyone could make them.
 */
export const FOLLOW_UP_LATE_DAYS = 30;

/** The follow-ups to schedule for an exit recorded on `today` (YYYY-MM-DD, Jakarta). */
export function followUpsToSchedule(exitedAt: Date, today: string): { sequence: number; dueDate: string }[] {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - FOLLOW_UP_LATE_DAYS * 86_400_000).toISOString().slice(0, 10);
  return followUpDueDates(exitedAt).filter((d) => d.dueDate >= cutoff);
}

export const FOLLOW_UP_RESULTS = ["stable", "needs_support", "back_on_street", "unreachable"] as const;
export const FOLLOW_UP_CHANNELS = ["phone", "home_visit", "video_call", "via_sudin", "other"] as const;

export const followUpSchema = z.object({
  intent: z.literal("follow-up"),
  followUpId: idField(),
  contactedAt: jakartaInstant(),
  channel: z.enum(FOLLOW_UP_CHANNELS),
  result: z.enum(FOLLOW_UP_RESULTS),
  notes: z.optional(plainText(1000)),
});

/** The follow-up list's query string; anything unusable falls back to the default. */
export const followUpListFilterSchema = z.object({
  upcoming: z.catch(z.optional(z.literal("1")), undefined),
  page: z.catch(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1), 1),
});

/** The stale-stay list's query string. */
export const staleStayListFilterSchema = z.object({
  page: z.catch(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1), 1),
});

export type FollowUpState = "done" | "overdue" | "due" | "upcoming";

/** done; overdue (past the due date); due (within the next 7 days); upcoming. */
export function followUpState(f: { dueDate: string; doneAt: Date | null }, today: string): FollowUpState {
  if (f.doneAt) return "done";
  if (f.dueDate < today) return "overdue";
  const due = Date.parse(`${f.dueDate}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  return due - now <= 7 * 86_400_000 ? "due" : "upcoming";
}

/**
 * Whether a new stay is a re-entry: the person had an earlier stay that ended other than by a
 * transfer (a transfer continues the same episode of care).
 */
export function isReentry(previous: { exitOutcome: string | null } | null, viaTransfer: boolean): boolean {
  if (!previous || viaTransfer) return false;
  return previous.exitOutcome !== "transferred_panti";
}

/** Stale stays: intake panti keep people 21–30 days; past the norm and idle, a stay needs a look. */
export const INTAKE_NORM_DAYS = 30;
export const STALE_IDLE_DAYS = 14;

export function outcomeGroup(outcome: ExitOutcome): string {
  return EXIT_OUTCOMES.find((o) => o.code === outcome)?.group ?? "other";
}
