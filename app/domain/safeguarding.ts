/**
 * Safeguarding the people in the records: restricted records (whose name is masked outside their
 * panti), the log of who read a case file, incidents during a stay, and consent to share.
 * Pure rules and the forms' zod schemas; no I/O.
 */
import * as z from "zod/mini";
import { CONSENT_PURPOSES, type ConsentPurpose } from "./enums";
import { calendarDate, checkbox, jakartaInstant } from "./fields";
import { canOnPanti, scopeFor, type Actor } from "./permissions";
import { displayName, type PersonName } from "./persons";
import { plainText } from "./text";
import { isCalendarDate, jakartaDate } from "./time";

// ---------------------------------------------------------------------------
// Restricted records
// ---------------------------------------------------------------------------

export const RESTRICTION_REASONS = ["trafficking", "violence", "child_at_risk", "other"] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

/**
 * What lists, searches and reports show in place of a restricted person's name outside their
 * panti. Queries do not know the reader's language, so the label carries both.
 */
export const RESTRICTED_NAME = "Catatan terbatas / Restricted record";

export const restrictSchema = z.object({
  intent: z.literal("restrict"),
  category: z.enum(RESTRICTION_REASONS),
  reason: z.pipe(plainText(500), z.string().check(z.minLength(3, "error.required"))),
});
export type RestrictInput = z.output<typeof restrictSchema>;

export const liftRestrictionSchema = z.object({
  intent: z.literal("lift"),
  reason: z.pipe(plainText(500), z.string().check(z.minLength(3, "error.required"))),
});
export type LiftRestrictionInput = z.output<typeof liftRestrictionSchema>;

/** The person's panti for the restriction: where they stay now, or where they stayed last. */
export interface RestrictedPerson {
  restricted: boolean;
  /** The panti of the open stay, or of the latest stay when none is open; null without stays. */
  homePantiId: number | null;
}

/**
 * Whether the actor may see who the person is (name, NIK, birth date). A restricted person is
 * named only to readers of every panti (Dinsos) and to the staff of their own panti.
 */
export function nameVisible(actor: Actor, person: RestrictedPerson): boolean {
  if (!person.restricted) return true;
  const scope = namedScope(actor);
  if (scope.kind === "all") return true;
  return scope.kind === "panti" && person.homePantiId === scope.pantiId;
}

/**
 * Whose restricted persons the actor sees named: every panti's (readers of every case file), one
 * panti's (its case readers, and its instructors, who teach its residents face to face and mark
 * their attendance by name), or nobody's.
 */
export function namedScope(actor: Actor): { kind: "all" } | { kind: "panti"; pantiId: number } | { kind: "none" } {
  const read = scopeFor(actor, "case:read");
  if (read.kind === "all" || read.kind === "panti") return read;
  if (actor.role === "instructor" && actor.pantiId != null) return { kind: "panti", pantiId: actor.pantiId };
  return { kind: "none" };
}

/** Who a person is, as the actor may see it: masked (no name, NIK or birth date) when restricted. */
export function shownIdentity(
  actor: Actor,
  person: PersonName & RestrictedPerson & { nik?: string | null; birthDate?: string | null; birthYear?: number | null },
): { displayName: string; nik: string | null; birthDate: string | null; birthYear: number | null; masked: boolean } {
  if (nameVisible(actor, person)) {
    return { displayName: displayName(person), nik: person.nik ?? null, birthDate: person.birthDate ?? null, birthYear: person.birthYear ?? null, masked: false };
  }
  return { displayName: RESTRICTED_NAME, nik: null, birthDate: null, birthYear: null, masked: true };
}

/**
 * Whether the actor may set or lift the mark: Dinsos administrators for anyone, a panti
 * administrator only for a person with an open stay in their panti.
 */
export function canRestrict(actor: Actor, openStayPantiId: number | null): boolean {
  if (scopeFor(actor, "person:restrict").kind === "all") return true;
  return openStayPantiId != null && canOnPanti(actor, "person:restrict", openStayPantiId);
}

// ---------------------------------------------------------------------------
// Who read what
// ---------------------------------------------------------------------------

/** The pages of a case file whose opening is logged. */
export const CASE_FILE_PAGES = [
  "case_file",
  "stage",
  "assessment",
  "plan",
  "family",
  "identity",
  "session",
  "session_new",
  "exit",
  "incidents",
  "restriction",
  "consent",
  "summary",
  "read_log",
] as const;
export type CaseFilePage = (typeof CASE_FILE_PAGES)[number];

export const readLogFilterSchema = z.object({
  page: z.catch(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1), 1),
});

// ---------------------------------------------------------------------------
// Incidents
// ---------------------------------------------------------------------------

export const INCIDENT_TYPES = ["absconding", "violence", "injury", "illness", "self_harm", "death", "other"] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** Who can be ticked as told of an incident (beside the free text). */
export const INCIDENT_NOTIFIED = ["family", "police", "health", "dinsos"] as const;
export type IncidentNotified = (typeof INCIDENT_NOTIFIED)[number];

/** How long a serious incident stays on the home page while nobody has acknowledged it. */
export const SERIOUS_INCIDENT_DAYS = 14;

export const incidentSchema = z.object({
  intent: z.optional(z.literal("incident")),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(INCIDENT_SEVERITIES),
  occurredAt: jakartaInstant(),
  description: z.pipe(plainText(2000), z.string().check(z.minLength(3, "error.required"))),
  actionTaken: z.pipe(plainText(2000), z.string().check(z.minLength(3, "error.required"))),
  toldFamily: checkbox(),
  toldPolice: checkbox(),
  toldHealth: checkbox(),
  toldDinsos: checkbox(),
  toldOther: z.optional(plainText(300)),
});
export type IncidentInput = z.output<typeof incidentSchema>;

/** The ticked boxes of the form as the stored list. */
export function notifiedOf(input: Pick<IncidentInput, "toldFamily" | "toldPolice" | "toldHealth" | "toldDinsos">): IncidentNotified[] {
  const out: IncidentNotified[] = [];
  if (input.toldFamily) out.push("family");
  if (input.toldPolice) out.push("police");
  if (input.toldHealth) out.push("health");
  if (input.toldDinsos) out.push("dinsos");
  return out;
}

/** An incident may not be dated in the future (a few minutes of clock skew allowed). */
export function incidentDateError(occurredAt: Date, now: Date): string | null {
  return occurredAt.getTime() > now.getTime() + 5 * 60_000 ? "incident.error.future" : null;
}

export function isSeriousSeverity(severity: IncidentSeverity): boolean {
  return severity === "high" || severity === "critical";
}

/** Whether an incident belongs on the home page: serious, recent, and not acknowledged yet. */
export function needsAttention(
  incident: { severity: IncidentSeverity; occurredAt: Date; acknowledgedAt: Date | null },
  now: Date,
): boolean {
  if (!isSeriousSeverity(incident.severity) || incident.acknowledgedAt) return false;
  return now.getTime() - incident.occurredAt.getTime() <= SERIOUS_INCIDENT_DAYS * 86_400_000;
}

/** The incident type an exit outcome must be linked to, or null when the outcome needs none. */
export function incidentTypeForExit(outcome: string): IncidentType | null {
  if (outcome === "absconded") return "absconding";
  if (outcome === "deceased") return "death";
  return null;
}

export const incidentListFilterSchema = z.object({
  pantiId: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  type: z.catch(z.optional(z.enum(INCIDENT_TYPES)), undefined),
  severity: z.catch(z.optional(z.enum(INCIDENT_SEVERITIES)), undefined),
  from: z.catch(z.optional(z.string().check(z.refine(isCalendarDate))), undefined),
  to: z.catch(z.optional(z.string().check(z.refine(isCalendarDate))), undefined),
  page: z.catch(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1), 1),
});
export type IncidentListFilter = z.output<typeof incidentListFilterSchema>;

export const acknowledgeSchema = z.object({
  intent: z.literal("acknowledge"),
  incidentId: z.coerce.number().check(z.int(), z.positive()),
});

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

export { CONSENT_PURPOSES, type ConsentPurpose } from "./enums";

export const CONSENT_DECISIONS = ["given", "refused", "withdrawn"] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/**
 * The consent a tracing request needs: the request sends the person's description, the names and
 * places they mention and their photo to the partner province, which then asks around their home
 * town; the recipient is the home province, as for a hand-off (docs/decisions/021-safeguarding.md).
 */
export const TRACING_CONSENT_PURPOSE: ConsentPurpose = "home_province";

/** A consent ending within this many days is shown as expiring. */
export const CONSENT_EXPIRING_DAYS = 30;

export interface ConsentRecord {
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  /** YYYY-MM-DD */
  decidedOn: string;
  /** YYYY-MM-DD, null: no end date. */
  expiresOn: string | null;
  id?: number;
}

export type ConsentState = "given" | "expiring" | "expired" | "refused" | "withdrawn" | "none";

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The consent of a person for a purpose on a date: the latest decision recorded on or before
 * that date decides (a withdrawal replaces an earlier consent). `allowed` is true only for a
 * consent given and not expired on the date.
 */
export function consentFor(
  person: { consents: readonly ConsentRecord[] },
  purpose: ConsentPurpose,
  date: Date | string,
): { state: ConsentState; allowed: boolean; record: ConsentRecord | null } {
  const day = typeof date === "string" ? date : jakartaDate(date);
  const latest = person.consents
    .filter((c) => c.purpose === purpose && c.decidedOn <= day)
    .reduce<ConsentRecord | null>((best, c) => {
      if (!best) return c;
      if (c.decidedOn !== best.decidedOn) return c.decidedOn > best.decidedOn ? c : best;
      return (c.id ?? 0) > (best.id ?? 0) ? c : best;
    }, null);
  if (!latest) return { state: "none", allowed: false, record: null };
  if (latest.decision !== "given") return { state: latest.decision, allowed: false, record: latest };
  if (latest.expiresOn != null && latest.expiresOn < day) return { state: "expired", allowed: false, record: latest };
  if (latest.expiresOn != null && latest.expiresOn <= addDays(day, CONSENT_EXPIRING_DAYS)) {
    return { state: "expiring", allowed: true, record: latest };
  }
  return { state: "given", allowed: true, record: latest };
}

export const consentSchema = z.object({
  intent: z.optional(z.literal("consent")),
  purpose: z.enum(CONSENT_PURPOSES),
  decision: z.enum(CONSENT_DECISIONS),
  decidedOn: calendarDate(),
  expiresOn: z.optional(calendarDate()),
  onBehalf: checkbox(),
  decidedBy: z.optional(plainText(150)),
  onBehalfReason: z.optional(plainText(500)),
}).check(z.superRefine((v, ctx) => {
  if (v.expiresOn && v.expiresOn < v.decidedOn) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "consent.error.expiryBeforeDecision" });
  if (v.onBehalf) {
    if (!v.decidedBy) ctx.addIssue({ code: "custom", path: ["decidedBy"], message: "error.required" });
    if (!v.onBehalfReason) ctx.addIssue({ code: "custom", path: ["onBehalfReason"], message: "error.required" });
  }
}));
export type ConsentInput = z.output<typeof consentSchema>;

/** The download of residents without a valid consent: one panti and one purpose, or all. */
export const consentMissingFilterSchema = z.object({
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  purpose: z.catch(z.optional(z.enum(CONSENT_PURPOSES)), undefined),
});
