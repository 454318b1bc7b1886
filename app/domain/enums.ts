/** Fixed vocabularies shared by the schema, the domain and the UI. */

export const PANTI_TYPES = [
  "intake",
  "children",
  "youth",
  "elderly",
  "disability",
  "mental",
  "drug_rehab",
  "homeless",
  "women",
  "violence_victims",
] as const;
export type PantiType = (typeof PANTI_TYPES)[number];

/** UPT = run by Dinsos; LKS mitra = a partner institution. */
export const PANTI_KINDS = ["upt", "lks_mitra"] as const;
export type PantiKind = (typeof PANTI_KINDS)[number];

export const ROOM_SEXES = ["male", "female", "mixed"] as const;
export type RoomSex = (typeof ROOM_SEXES)[number];

export const BED_STATUSES = ["available", "out_of_service"] as const;
export type BedStatus = (typeof BED_STATUSES)[number];

export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];

/** The five administrative cities and the regency, plus panti located outside DKI. */
export const KOTA = [
  "Jakarta Pusat",
  "Jakarta Utara",
  "Jakarta Barat",
  "Jakarta Selatan",
  "Jakarta Timur",
  "Kepulauan Seribu",
] as const;

/** How outreach reached the person. */
export const REACH_METHODS = [
  "patrol",
  "public_report",
  "jaki_report",
  "satpol_pp_handover",
  "police_handover",
  "walk_in",
  "panti_transfer",
  "other",
] as const;
export type ReachMethod = (typeof REACH_METHODS)[number];

export const PLACEMENT_STATUSES = ["pending", "accepted", "declined", "redirected", "cancelled"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** Where a referral came in: the form, a batch file, the API, or a transfer from another panti. */
export const PLACEMENT_SOURCES = ["form", "batch", "api", "transfer", "handoff"] as const;
export type PlacementSource = (typeof PLACEMENT_SOURCES)[number];

export const BATCH_STATUSES = ["previewed", "imported", "discarded"] as const;

// --- rehabilitation programmes ---------------------------------------------------
export const CLASS_STATUSES = ["planned", "active", "finished"] as const;
export const ENROLMENT_STATUSES = ["active", "completed", "left_before_completion", "withdrawn"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** What a graduate does after the class (youth panti report these). */
export const TRAINING_OUTCOMES = ["working", "on_the_job_training", "not_placed"] as const;
export const PROGRESS_STATUSES = ["not_started", "in_progress", "competent"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const ATTENDANCE_CODES = ["hadir", "terlambat", "izin", "alpa"] as const;
export type AttendanceCode = (typeof ATTENDANCE_CODES)[number];

// --- case file --------------------------------------------------------------------
export const MENTAL_HEALTH_CLUSTERS = ["heavy", "moderate", "light"] as const;
export const SESSION_MODES = ["individual", "group"] as const;
export const IDENTITY_DOCUMENTS = ["nik", "kk", "ektp", "bpjs"] as const;
export const IDENTITY_STEP_STATUSES = ["not_started", "requested", "in_process", "issued", "rejected"] as const;
export const TRACING_CHANNELS = ["phone", "home_visit", "letter", "social_media", "via_sudin", "via_police", "partner_province", "other"] as const;
export const TRACING_RESULTS = ["no_answer", "contact_found", "family_located", "family_refused", "not_found"] as const;
export const PLAN_GOAL_STATUSES = ["open", "achieved", "dropped"] as const;

/** The orders of the shelter list (beside the other lists, so that its page loads no schema code). */
export const PANTI_SORTS = ["name", "occupancy", "overflow", "available"] as const;

// --- safeguarding -----------------------------------------------------------------
/** Recipients a person's consent can cover (docs/decisions/021-safeguarding.md). */
export const CONSENT_PURPOSES = ["family", "home_province", "dukcapil", "hospital", "partner_lks", "research"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * What a download with names is for: the internal work of Dinsos and the panti, or a recipient
 * outside them, named by the consent purpose that covers it. Anonymised research takes the
 * reports without names, never a list of people. Here rather than in domain/exports.ts so that
 * the download form of the lists loads no schema code.
 */
export const EXPORT_PURPOSES = ["internal", ...CONSENT_PURPOSES.filter((p) => p !== "research")] as [
  "internal",
  ...Exclude<ConsentPurpose, "research">[],
];
export type ExportPurpose = "internal" | Exclude<ConsentPurpose, "research">;

/** Attendance grid letters for a session without a mark (it counts as alpa) and for one outside the enrolment. */
export const UNMARKED_LETTER = "-";
export const OFF_ROLL_LETTER = ".";
