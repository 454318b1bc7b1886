/**
 * The database schema: the single source of truth for tables.
 * Change it, then run `npm run db:generate` to write a migration into drizzle/.
 *
 * Conventions: instants are integer unix-epoch milliseconds (`mode: "timestamp_ms"`),
 * calendar dates are ISO `YYYY-MM-DD` text, enums are `as const` arrays from app/domain.
 */
import { sql } from "drizzle-orm";
import {
  sqliteTable,
  type AnySQLiteColumn,
  integer,
  text,
  index,
  uniqueIndex,
  primaryKey,
} from "drizzle-orm/sqlite-core";
import {
  PANTI_TYPES,
  PANTI_KINDS,
  ROOM_SEXES,
  BED_STATUSES,
  SEXES,
  REACH_METHODS,
  PLACEMENT_STATUSES,
  PLACEMENT_SOURCES,
  BATCH_STATUSES,
  CLASS_STATUSES,
  ENROLMENT_STATUSES,
  TRAINING_OUTCOMES,
  PROGRESS_STATUSES,
  MENTAL_HEALTH_CLUSTERS,
  SESSION_MODES,
  IDENTITY_DOCUMENTS,
  IDENTITY_STEP_STATUSES,
  TRACING_CHANNELS,
  TRACING_RESULTS,
} from "../app/domain/enums";
import { ROLES } from "../app/domain/permissions";
import { APPROVAL_KINDS, APPROVAL_STATUSES, APPROVER_LEVELS } from "../app/domain/approvals";
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_RESULTS } from "../app/domain/exits";
import {
  CASE_FILE_PAGES,
  CONSENT_DECISIONS,
  CONSENT_PURPOSES,
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  RESTRICTION_REASONS,
  type IncidentNotified,
} from "../app/domain/safeguarding";
import {
  ACCEPTED_AS,
  ARRIVAL_CONDITIONS,
  HANDOFF_CHANNELS,
  HANDOFF_DIRECTIONS,
  HANDOFF_STATUSES,
  OUTBOX_STATUSES,
  PACKET_KINDS,
  TRACING_REQUEST_STATUSES,
} from "../app/domain/handoffs";

// ---------------------------------------------------------------------------
// Calendar buckets of instants on the Jakarta calendar (UTC+7, no daylight saving), written once
// here for both the review queries and the indexes on the same expressions: SQLite reads an
// indexed expression from the index instead of computing it per row, and groups in the index's
// order, so a ten-year panel walks one index instead of sorting every row. The constants are
// literal SQL (bound parameters would be REAL and divide as REAL), and the index only serves a
// query whose expression is written exactly the same way.
// ---------------------------------------------------------------------------

/** The Jakarta calendar day of an instant column, as a day number (days since 1970-01-01). */
export const jakartaDayNumber = (col: AnySQLiteColumn) => sql<number>`((${col} + 25200000) / 86400000)`;
/** The Jakarta calendar month (YYYY-MM) of an instant column. */
export const jakartaMonthText = (col: AnySQLiteColumn) => sql<string>`strftime('%Y-%m', ${col} / 1000, 'unixepoch', '+7 hours')`;
/** Whole days between two instant columns (a stay's length). */
export const wholeDaysBetween = (from: AnySQLiteColumn, to: AnySQLiteColumn) => sql<number>`((${to} - ${from}) / 86400000)`;

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

// ---------------------------------------------------------------------------
// Reference lists (loaded from db/reference/*.csv by the seed)
// ---------------------------------------------------------------------------

export const ppksCategories = sqliteTable("ppks_categories", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
});

export const disabilitySubtypes = sqliteTable("disability_subtypes", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
});

export const exitOutcomes = sqliteTable("exit_outcomes", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
  outcomeGroup: text("outcome_group").notNull(),
  positive: text("positive", { enum: ["yes", "no", "neutral"] }).notNull(),
});

export const rehabilitationStages = sqliteTable("rehabilitation_stages", {
  code: text("code").primaryKey(),
  position: integer("position").notNull().unique(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
});

export const outreachUnits = sqliteTable("outreach_units", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  kota: text("kota"),
});

/**
 * The provinces of the FKD-MPU agreement (2025) on handling and repatriating PPKS: each one's
 * Dinas Sosial and contact and, where the partner runs this app, its address and public key
 * (Ed25519) for signed hand-offs. Seeded with the ten signatories; edited by Dinsos.
 */
export const partnerProvinces = sqliteTable(
  "partner_provinces",
  {
  /** The province's BPS code ("31" for DKI Jakarta). */
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  office: text("office").notNull(),
  contactName: text("contact_name"),
  contactPhone: text("contact_phone"),
  contactEmail: text("contact_email"),
  /** Where the partner's instance of this app answers, when it runs one (https://...). */
  baseUrl: text("base_url"),
  /** The partner instance's Ed25519 public key (SPKI, base64), exchanged out of band. */
  publicKey: text("public_key"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [index("partner_provinces_updated_by_idx").on(t.updatedBy)],
);

export const programmes = sqliteTable("programmes", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
  kind: text("kind").notNull(),
});

export const psychosocialServices = sqliteTable("psychosocial_services", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
});

export const attendanceStatuses = sqliteTable("attendance_statuses", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
  points: integer("points").notNull(),
});

// ---------------------------------------------------------------------------
// Shelters, rooms and beds
// ---------------------------------------------------------------------------

export const panti = sqliteTable(
  "panti",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    type: text("type", { enum: PANTI_TYPES }).notNull(),
    kind: text("kind", { enum: PANTI_KINDS }).notNull().default("upt"),
    targetGroup: text("target_group").notNull().default(""),
    /** JSON array of PPKS category codes this panti is meant for. */
    targetCategories: text("target_categories", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Which sexes the panti admits: male, female or both. */
    sexServed: text("sex_served", { enum: ["male", "female", "any"] })
      .notNull()
      .default("any"),
    ageMin: integer("age_min"),
    ageMax: integer("age_max"),
    kota: text("kota"),
    address: text("address"),
    /** Capacity declared by Dinsos (published). The live capacity is the count of beds. */
    declaredCapacity: integer("declared_capacity"),
    capacityEstimated: integer("capacity_estimated", { mode: "boolean" })
      .notNull()
      .default(false),
    capacityYear: integer("capacity_year"),
    reportedResidents: integer("reported_residents"),
    reportedYear: integer("reported_year"),
    source: text("source"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("panti_type_idx").on(t.type), index("panti_kota_idx").on(t.kota)],
);

export const rooms = sqliteTable(
  "rooms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    name: text("name").notNull(),
    sex: text("sex", { enum: ROOM_SEXES }).notNull().default("mixed"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("rooms_panti_name_uq").on(t.pantiId, t.name)],
);

export const beds = sqliteTable(
  "beds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Denormalised from the room so that scope checks are a plain `where`. */
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id),
    label: text("label").notNull(),
    status: text("status", { enum: BED_STATUSES }).notNull().default("available"),
    /** An extra place (mattress) beyond the declared capacity. */
    overflow: integer("overflow", { mode: "boolean" }).notNull().default(false),
    statusReason: text("status_reason"),
    statusChangedAt: integer("status_changed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("beds_room_label_uq").on(t.roomId, t.label),
    index("beds_panti_idx").on(t.pantiId, t.status, t.overflow),
  ],
);

// ---------------------------------------------------------------------------
// People and stays
// ---------------------------------------------------------------------------

export const persons = sqliteTable(
  "persons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** 16-digit NIK, unique when known. */
    nik: text("nik"),
    kk: text("kk"),
    /** Null while the person is unidentified ("Mr. X"). */
    name: text("name"),
    unidentified: integer("unidentified", { mode: "boolean" }).notNull().default(false),
    description: text("description"),
    sex: text("sex", { enum: SEXES }).notNull(),
    birthDate: text("birth_date"),
    estimatedBirthYear: integer("estimated_birth_year"),
    originProvince: text("origin_province"),
    originCity: text("origin_city"),
    ppksCategory: text("ppks_category").references(() => ppksCategories.code),
    disabilitySubtypes: text("disability_subtypes", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Year of birth, from the birth date or the estimate: what duplicate search filters on. */
    birthYear: integer("birth_year"),
    /**
     * A restricted record (a trafficking victim, a victim of violence, a child at risk): outside
     * the person's panti their name, NIK and birth date are masked. Set and lifted with a reason
     * (the reasons are in the audit log); the category and reason of the current mark are here.
     */
    restricted: integer("restricted", { mode: "boolean" }).notNull().default(false),
    restrictionCategory: text("restriction_category", { enum: RESTRICTION_REASONS }),
    restrictionReason: text("restriction_reason"),
    restrictedAt: integer("restricted_at", { mode: "timestamp_ms" }),
    restrictedBy: integer("restricted_by").references((): AnySQLiteColumn => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("persons_sex_birth_year_idx").on(t.sex, t.birthYear),
    index("persons_restricted_idx").on(t.restricted),
    index("persons_restricted_by_idx").on(t.restrictedBy),
    uniqueIndex("persons_nik_uq").on(t.nik).where(sql`nik is not null`),
    index("persons_name_idx").on(t.name),
    index("persons_category_idx").on(t.ppksCategory),
  ],
);

export const stays = sqliteTable(
  "stays",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    /** The referral that brought the person here. */
    placementId: integer("placement_id").references((): AnySQLiteColumn => placements.id),
    admittedAt: integer("admitted_at", { mode: "timestamp_ms" }).notNull(),
    currentStage: text("current_stage")
      .notNull()
      .default("pendekatan_awal")
      .references(() => rehabilitationStages.code),
    exitedAt: integer("exited_at", { mode: "timestamp_ms" }),
    exitOutcome: text("exit_outcome").references(() => exitOutcomes.code),
    exitDestination: text("exit_destination"),
    /** Outcome-specific details (family, documents, province, institution ...). */
    exitDetails: text("exit_details", { mode: "json" }).$type<Record<string, unknown>>(),
    exitNotes: text("exit_notes"),
    /** When and by whom the exit was recorded (the undo grace period runs from here). */
    exitRecordedAt: integer("exit_recorded_at", { mode: "timestamp_ms" }),
    exitRecordedBy: integer("exit_recorded_by").references(() => users.id),
    /** The person's previous stay, when they had one. */
    previousStayId: integer("previous_stay_id").references((): AnySQLiteColumn => stays.id),
    /** A return after an exit that was not a transfer (people often come back). */
    reentry: integer("reentry", { mode: "boolean" }).notNull().default(false),
    /** The incident an exit as absconded or deceased refers to. */
    exitIncidentId: integer("exit_incident_id").references((): AnySQLiteColumn => incidents.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("stays_panti_open_idx").on(t.pantiId, t.exitedAt),
    index("stays_exit_incident_idx").on(t.exitIncidentId),
    index("stays_person_idx").on(t.personId),
    // Covering indexes for the review queries (admissions and exits in a period, per panti).
    // The id after the instant: the drill-down lists read these backwards, newest first with the
    // id breaking ties, and skip to a deep page inside the index.
    index("stays_admitted_idx").on(t.admittedAt, t.id, t.pantiId, t.reentry),
    index("stays_exited_idx").on(t.exitedAt, t.id, t.pantiId, t.admittedAt, t.exitOutcome),
    // The re-entries behind the dashboard's figure, newest first.
    index("stays_reentry_idx").on(t.reentry, t.admittedAt),
    // The daily census history: admissions and exits per Jakarta day, grouped in index order
    // (the instant column too, or SQLite reads each row to check the expression).
    index("stays_admitted_day_idx").on(jakartaDayNumber(t.admittedAt), t.pantiId, t.admittedAt),
    index("stays_exited_day_idx").on(jakartaDayNumber(t.exitedAt), t.pantiId, t.exitedAt),
    // Length of stay per panti, grouped in index order.
    index("stays_length_idx").on(t.pantiId, wholeDaysBetween(t.admittedAt, t.exitedAt), t.exitedAt, t.admittedAt),
    index("stays_stage_idx").on(t.currentStage),
    // Exits per outcome in a period: one index range per outcome.
    index("stays_outcome_idx").on(t.exitOutcome, t.exitedAt, t.id, t.pantiId),
    index("stays_placement_idx").on(t.placementId),
    index("stays_previous_idx").on(t.previousStayId),
    index("stays_exit_recorded_by_idx").on(t.exitRecordedBy),
    // A person is in at most one panti at a time.
    uniqueIndex("stays_one_open_per_person_uq")
      .on(t.personId)
      .where(sql`exited_at is null`),
  ],
);

export const bedAssignments = sqliteTable(
  "bed_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    bedId: integer("bed_id")
      .notNull()
      .references(() => beds.id),
    fromAt: integer("from_at", { mode: "timestamp_ms" }).notNull(),
    toAt: integer("to_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("bed_assignments_stay_idx").on(t.stayId),
    index("bed_assignments_bed_idx").on(t.bedId, t.toAt),
    // A bed holds at most one resident, a stay has at most one bed, at any time.
    uniqueIndex("bed_assignments_open_bed_uq").on(t.bedId).where(sql`to_at is null`),
    uniqueIndex("bed_assignments_open_stay_uq").on(t.stayId).where(sql`to_at is null`),
  ],
);

// ---------------------------------------------------------------------------
// Users, sessions, audit
// ---------------------------------------------------------------------------

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** The panti a panti-scoped role works in. */
    pantiId: integer("panti_id").references(() => panti.id),
    /** The outreach unit of an outreach officer. */
    outreachUnit: text("outreach_unit").references(() => outreachUnits.code),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    mustChangePassword: integer("must_change_password", { mode: "boolean" })
      .notNull()
      .default(false),
    lastLoginAt: integer("last_login_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("users_panti_idx").on(t.pantiId), index("users_unit_idx").on(t.outreachUnit)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-in attempts, for throttling: keyed by username and address, and by address alone (app/domain/throttle.ts). */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("login_failures_key_idx").on(t.key, t.at)],
);

/** Append-only record of every write: who, when, what, before and after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    userId: integer("user_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    pantiId: integer("panti_id").references(() => panti.id),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_at_idx").on(t.at),
    index("audit_panti_idx").on(t.pantiId, t.at),
    index("audit_user_idx").on(t.userId),
  ],
);

// ---------------------------------------------------------------------------
// Referrals from outreach (placements), batch uploads and API tokens
// ---------------------------------------------------------------------------

/** A token an outreach unit's app uses for the placements API. Only its SHA-256 is stored. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outreachUnit: text("outreach_unit")
      .notNull()
      .references(() => outreachUnits.code),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, to recognise it in lists. */
    tokenPrefix: text("token_prefix").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    /** When the token stops working (null: until revoked). */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: integer("revoked_by").references(() => users.id),
  },
  (t) => [
    index("api_tokens_unit_idx").on(t.outreachUnit),
    index("api_tokens_created_by_idx").on(t.createdBy),
    index("api_tokens_revoked_by_idx").on(t.revokedBy),
  ],
);

/** An uploaded CSV/XLSX of referrals: parsed and checked first, imported whole or not at all. */
export const placementBatches = sqliteTable(
  "placement_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    outreachUnit: text("outreach_unit").references(() => outreachUnits.code),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    rowCount: integer("row_count").notNull(),
    validCount: integer("valid_count").notNull(),
    status: text("status", { enum: BATCH_STATUSES }).notNull().default("previewed"),
    /** The parsed rows (valid ones ready to import), as JSON. */
    rows: text("rows", { mode: "json" }).$type<unknown[]>().notNull(),
    /** Row-level errors: [{ row, field, message }]. */
    errors: text("errors", { mode: "json" })
      .$type<{ row: number; field: string; message: string }[]>()
      .notNull(),
    createdAt: createdAt(),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("placement_batches_user_idx").on(t.uploadedBy, t.createdAt), index("placement_batches_unit_idx").on(t.outreachUnit)],
);

/** An uploaded CSV/XLSX of past stays: checked first, imported whole or not at all. */
export const stayBatches = sqliteTable(
  "stay_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    rowCount: integer("row_count").notNull(),
    validCount: integer("valid_count").notNull(),
    status: text("status", { enum: BATCH_STATUSES }).notNull().default("previewed"),
    /** The parsed rows (valid ones ready to import), as JSON. */
    rows: text("rows", { mode: "json" }).$type<unknown[]>().notNull(),
    /** Row-level errors: [{ row, field, message }]. */
    errors: text("errors", { mode: "json" })
      .$type<{ row: number; field: string; message: string }[]>()
      .notNull(),
    createdAt: createdAt(),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("stay_batches_user_idx").on(t.uploadedBy, t.createdAt)],
);

export const placements = sqliteTable(
  "placements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The referring outreach unit; null for a transfer from another panti. */
    outreachUnit: text("outreach_unit").references(() => outreachUnits.code),
    /** The referring panti, for a transfer between panti. */
    fromPantiId: integer("from_panti_id").references(() => panti.id),
    officerName: text("officer_name").notNull(),
    source: text("source", { enum: PLACEMENT_SOURCES }).notNull().default("form"),
    createdBy: integer("created_by").references(() => users.id),
    apiTokenId: integer("api_token_id").references(() => apiTokens.id),
    batchId: integer("batch_id").references(() => placementBatches.id),
    /** The outreach unit's own reference: a retry with the same one never creates a duplicate. */
    externalRef: text("external_ref"),
    /** SHA-256 of the normalised referral, to tell a retry from a conflicting reuse of a reference. */
    payloadHash: text("payload_hash"),

    foundAt: integer("found_at", { mode: "timestamp_ms" }).notNull(),
    foundKota: text("found_kota"),
    foundKecamatan: text("found_kecamatan"),
    foundKelurahan: text("found_kelurahan"),
    foundPlace: text("found_place"),
    reachMethod: text("reach_method", { enum: REACH_METHODS }).notNull(),

    personName: text("person_name"),
    unidentified: integer("unidentified", { mode: "boolean" }).notNull().default(false),
    description: text("description"),
    sex: text("sex", { enum: SEXES }).notNull(),
    birthDate: text("birth_date"),
    estimatedAge: integer("estimated_age"),
    nik: text("nik"),
    kk: text("kk"),
    originProvince: text("origin_province"),
    originCity: text("origin_city"),
    ppksCategory: text("ppks_category")
      .notNull()
      .references(() => ppksCategories.code),
    disabilitySubtypes: text("disability_subtypes", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    assessmentSummary: text("assessment_summary"),
    healthNotes: text("health_notes"),
    urgentNeeds: text("urgent_needs"),
    belongings: text("belongings"),

    targetPantiId: integer("target_panti_id")
      .notNull()
      .references(() => panti.id),
    status: text("status", { enum: PLACEMENT_STATUSES }).notNull().default("pending"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decisionReason: text("decision_reason"),
    /** For a redirected referral: the new referral to the better-suited panti. */
    redirectedToId: integer("redirected_to_id").references((): AnySQLiteColumn => placements.id),
    /** For a referral made by redirecting or transferring: where it came from. */
    previousPlacementId: integer("previous_placement_id").references((): AnySQLiteColumn => placements.id),
    /** For a transfer between panti: the stay that ended with the transfer. */
    fromStayId: integer("from_stay_id").references((): AnySQLiteColumn => stays.id),
    personId: integer("person_id").references(() => persons.id),
    stayId: integer("stay_id").references((): AnySQLiteColumn => stays.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("placements_queue_idx").on(t.targetPantiId, t.status, t.createdAt),
    // The referral list of one panti, whatever the status.
    index("placements_panti_created_idx").on(t.targetPantiId, t.createdAt),
    index("placements_unit_idx").on(t.outreachUnit, t.createdAt),
    index("placements_status_idx").on(t.status, t.createdAt),
    // The referral list for Dinsos (no filter): newest first (read backwards, the id breaking ties
    // the same way), or oldest first for the queue.
    index("placements_created_idx").on(t.createdAt),
    index("placements_found_at_idx").on(t.foundAt),
    // Intake per Jakarta month and unit, grouped in index order: `placements_found_month_idx` on
    // (jakartaMonthText(found_at), outreach_unit, found_at, target_panti_id) is created by the
    // custom migration 0008 (drizzle-kit 0.31 splits an index expression at its commas).
    // Intake per category: one index range per category.
    index("placements_category_idx").on(t.ppksCategory, t.foundAt, t.targetPantiId),
    index("placements_person_idx").on(t.personId),
    index("placements_stay_idx").on(t.stayId),
    index("placements_batch_idx").on(t.batchId),
    index("placements_token_idx").on(t.apiTokenId),
    index("placements_created_by_idx").on(t.createdBy),
    index("placements_decided_by_idx").on(t.decidedBy),
    index("placements_redirected_to_idx").on(t.redirectedToId),
    index("placements_previous_idx").on(t.previousPlacementId),
    index("placements_from_stay_idx").on(t.fromStayId),
    index("placements_from_panti_idx").on(t.fromPantiId),
    uniqueIndex("placements_unit_external_ref_uq")
      .on(t.outreachUnit, t.externalRef)
      .where(sql`external_ref is not null`),
  ],
);

// ---------------------------------------------------------------------------
// Follow-up after exit (bimbingan lanjut)
// ---------------------------------------------------------------------------

export const followUps = sqliteTable(
  "follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    /** Months after the exit: 1, 3 or 6. */
    sequence: integer("sequence").notNull(),
    dueDate: text("due_date").notNull(),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    channel: text("channel", { enum: FOLLOW_UP_CHANNELS }),
    result: text("result", { enum: FOLLOW_UP_RESULTS }),
    notes: text("notes"),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("follow_ups_stay_sequence_uq").on(t.stayId, t.sequence),
    index("follow_ups_due_idx").on(t.pantiId, t.doneAt, t.dueDate),
    // The follow-ups of every panti not yet done, due first (the id breaking ties).
    index("follow_ups_open_due_idx").on(t.doneAt, t.dueDate),
    index("follow_ups_recorded_by_idx").on(t.recordedBy),
  ],
);

// ---------------------------------------------------------------------------
// Rehabilitation programmes: modules, classes (angkatan), enrolment, attendance, progress
// ---------------------------------------------------------------------------

/** The competencies of a programme (e.g. computer: typing, office documents ...). */
export const programmeModules = sqliteTable(
  "programme_modules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeCode: text("programme_code")
      .notNull()
      .references(() => programmes.code),
    code: text("code").notNull(),
    nameId: text("name_id").notNull(),
    nameEn: text("name_en").notNull(),
    position: integer("position").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("programme_modules_code_uq").on(t.programmeCode, t.code)],
);

/** A programme run at one panti for a cohort (angkatan). */
export const classes = sqliteTable(
  "classes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    programmeCode: text("programme_code")
      .notNull()
      .references(() => programmes.code),
    name: text("name").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    capacity: integer("capacity").notNull(),
    /** ISO weekdays the class meets (1 = Monday ... 7 = Sunday), as JSON. */
    scheduleDays: text("schedule_days", { mode: "json" }).$type<number[]>().notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    /** Minimum attendance (percent) to complete. */
    attendanceThreshold: integer("attendance_threshold").notNull().default(75),
    status: text("status", { enum: CLASS_STATUSES }).notNull().default("planned"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("classes_panti_idx").on(t.pantiId, t.startDate),
    index("classes_programme_idx").on(t.programmeCode),
    index("classes_created_by_idx").on(t.createdBy),
  ],
);

export const classInstructors = sqliteTable(
  "class_instructors",
  {
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index("class_instructors_user_idx").on(t.userId)],
);

export const enrolments = sqliteTable(
  "enrolments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    enrolledAt: integer("enrolled_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("active"),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    /** After completion: working, on-the-job training, or not placed. */
    outcome: text("outcome", { enum: TRAINING_OUTCOMES }),
    outcomeNotes: text("outcome_notes"),
    certificateNumber: text("certificate_number").unique(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("enrolments_class_person_uq").on(t.classId, t.personId),
    index("enrolments_stay_idx").on(t.stayId, t.status),
    index("enrolments_person_idx").on(t.personId),
    index("enrolments_created_by_idx").on(t.createdBy),
  ],
);

/** One meeting of a class; attendance is recorded per session. */
export const classSessions = sqliteTable(
  "class_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id),
    date: text("date").notNull(),
    topic: text("topic"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("class_sessions_class_date_uq").on(t.classId, t.date), index("class_sessions_created_by_idx").on(t.createdBy)],
);

export const attendance = sqliteTable(
  "attendance",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => classSessions.id),
    enrolmentId: integer("enrolment_id")
      .notNull()
      .references(() => enrolments.id),
    status: text("status")
      .notNull()
      .references(() => attendanceStatuses.code),
    note: text("note"),
    recordedBy: integer("recorded_by").references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.enrolmentId] }),
    index("attendance_enrolment_idx").on(t.enrolmentId),
    index("attendance_status_idx").on(t.status),
    index("attendance_recorded_by_idx").on(t.recordedBy),
  ],
);

export const moduleProgress = sqliteTable(
  "module_progress",
  {
    enrolmentId: integer("enrolment_id")
      .notNull()
      .references(() => enrolments.id),
    moduleId: integer("module_id")
      .notNull()
      .references(() => programmeModules.id),
    status: text("status", { enum: PROGRESS_STATUSES }).notNull(),
    score: integer("score"),
    note: text("note"),
    assessedOn: text("assessed_on"),
    recordedBy: integer("recorded_by").references(() => users.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enrolmentId, t.moduleId] }),
    index("module_progress_module_idx").on(t.moduleId),
    index("module_progress_recorded_by_idx").on(t.recordedBy),
  ],
);

// ---------------------------------------------------------------------------
// The case file: stages, assessment, plan, psychosocial sessions, family tracing, identity
// ---------------------------------------------------------------------------

/** Each move of a stay between rehabilitation stages (forward, or back with a reason). */
export const stageHistory = sqliteTable(
  "stage_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    stage: text("stage")
      .notNull()
      .references(() => rehabilitationStages.code),
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }).notNull(),
    reason: text("reason"),
    recordedBy: integer("recorded_by").references(() => users.id),
  },
  (t) => [
    index("stage_history_stay_idx").on(t.stayId, t.enteredAt),
    index("stage_history_stage_idx").on(t.stage),
    index("stage_history_recorded_by_idx").on(t.recordedBy),
  ],
);

export const assessments = sqliteTable(
  "assessments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    assessedOn: text("assessed_on").notNull(),
    problems: text("problems").notNull(),
    strengths: text("strengths"),
    familySituation: text("family_situation"),
    health: text("health"),
    /** Mental-health panti: heavy (care), moderate (guidance), light (empowerment). */
    cluster: text("cluster", { enum: MENTAL_HEALTH_CLUSTERS }),
    summary: text("summary"),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("assessments_stay_idx").on(t.stayId), index("assessments_recorded_by_idx").on(t.recordedBy)],
);

/** A plan of interventions: goals with target dates (JSON), reviewed over time. */
export const interventionPlans = sqliteTable(
  "intervention_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    createdOn: text("created_on").notNull(),
    goals: text("goals", { mode: "json" })
      .$type<{ goal: string; intervention: string; targetDate: string; status: "open" | "achieved" | "dropped" }[]>()
      .notNull(),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("intervention_plans_stay_idx").on(t.stayId), index("intervention_plans_recorded_by_idx").on(t.recordedBy)],
);

export const planReviews = sqliteTable(
  "plan_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => interventionPlans.id),
    reviewedOn: text("reviewed_on").notNull(),
    notes: text("notes").notNull(),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("plan_reviews_plan_idx").on(t.planId), index("plan_reviews_recorded_by_idx").on(t.recordedBy)],
);

/**
 * A psychosocial session (individual or group). `note` is confidential: only psychosocial staff
 * of the panti and dinsos_admin may read it, and every read is logged.
 */
export const psychosocialSessions = sqliteTable(
  "psychosocial_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    serviceCode: text("service_code")
      .notNull()
      .references(() => psychosocialServices.code),
    mode: text("mode", { enum: SESSION_MODES }).notNull(),
    providerName: text("provider_name").notNull(),
    providerUserId: integer("provider_user_id").references(() => users.id),
    sessionAt: integer("session_at", { mode: "timestamp_ms" }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    /** What anyone with access to the case may see. */
    summary: text("summary"),
    /** Confidential note. */
    note: text("note"),
    followUp: text("follow_up"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("psychosocial_sessions_panti_idx").on(t.pantiId, t.sessionAt),
    index("psychosocial_sessions_service_idx").on(t.serviceCode),
    index("psychosocial_sessions_provider_idx").on(t.providerUserId),
    index("psychosocial_sessions_created_by_idx").on(t.createdBy),
  ],
);

export const sessionParticipants = sqliteTable(
  "session_participants",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => psychosocialSessions.id),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.stayId] }), index("session_participants_stay_idx").on(t.stayId)],
);

export const familyContacts = sqliteTable(
  "family_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    name: text("name").notNull(),
    relation: text("relation").notNull(),
    phone: text("phone"),
    address: text("address"),
    notes: text("notes"),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("family_contacts_person_idx").on(t.personId), index("family_contacts_recorded_by_idx").on(t.recordedBy)],
);

export const tracingAttempts = sqliteTable(
  "tracing_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    contactId: integer("contact_id").references(() => familyContacts.id),
    attemptedAt: integer("attempted_at", { mode: "timestamp_ms" }).notNull(),
    channel: text("channel", { enum: TRACING_CHANNELS }).notNull(),
    result: text("result", { enum: TRACING_RESULTS }).notNull(),
    notes: text("notes"),
    recordedBy: integer("recorded_by").references(() => users.id),
  },
  (t) => [
    index("tracing_attempts_stay_idx").on(t.stayId, t.attemptedAt),
    index("tracing_attempts_contact_idx").on(t.contactId),
    index("tracing_attempts_recorded_by_idx").on(t.recordedBy),
  ],
);

/** Steps towards a resident's NIK, KK, e-KTP and BPJS card. */
export const identitySteps = sqliteTable(
  "identity_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    document: text("document", { enum: IDENTITY_DOCUMENTS }).notNull(),
    status: text("status", { enum: IDENTITY_STEP_STATUSES }).notNull(),
    stepOn: text("step_on").notNull(),
    number: text("number"),
    notes: text("notes"),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("identity_steps_person_idx").on(t.personId, t.document), index("identity_steps_recorded_by_idx").on(t.recordedBy)],
);

// ---------------------------------------------------------------------------
// Safeguarding: who read a case file, incidents, consent
// ---------------------------------------------------------------------------

/** Every opening of a case file page: append-only (triggers refuse updates and deletes). */
export const caseFileReads = sqliteTable(
  "case_file_reads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    stayId: integer("stay_id").references(() => stays.id),
    pantiId: integer("panti_id").references(() => panti.id),
    /** Which page was opened. */
    page: text("page", { enum: CASE_FILE_PAGES }).notNull(),
    /** The person was a restricted record when the file was opened. */
    restricted: integer("restricted", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("case_file_reads_person_idx").on(t.personId, t.at),
    index("case_file_reads_stay_idx").on(t.stayId),
    index("case_file_reads_user_idx").on(t.userId, t.at),
    index("case_file_reads_panti_idx").on(t.pantiId),
  ],
);

/** Something that happened to or around a resident during a stay. */
export const incidents = sqliteTable(
  "incidents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stayId: integer("stay_id")
      .notNull()
      .references((): AnySQLiteColumn => stays.id),
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    type: text("type", { enum: INCIDENT_TYPES }).notNull(),
    severity: text("severity", { enum: INCIDENT_SEVERITIES }).notNull(),
    occurredAt: integer("occurred_at", { mode: "timestamp_ms" }).notNull(),
    description: text("description").notNull(),
    actionTaken: text("action_taken").notNull(),
    /** Who was told, from the form's boxes. */
    notified: text("notified", { mode: "json" })
      .$type<IncidentNotified[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Who else was told (free text). */
    notifiedOther: text("notified_other"),
    recordedBy: integer("recorded_by").references(() => users.id),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    acknowledgedBy: integer("acknowledged_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("incidents_stay_idx").on(t.stayId, t.occurredAt),
    index("incidents_panti_idx").on(t.pantiId, t.occurredAt),
    index("incidents_type_idx").on(t.type, t.severity),
    index("incidents_recorded_by_idx").on(t.recordedBy),
    index("incidents_acknowledged_by_idx").on(t.acknowledgedBy),
  ],
);

/** A person's decision about sharing their information for one purpose. The latest decides. */
export const consents = sqliteTable(
  "consents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    /** The panti where it was recorded. */
    pantiId: integer("panti_id").references(() => panti.id),
    purpose: text("purpose", { enum: CONSENT_PURPOSES }).notNull(),
    decision: text("decision", { enum: CONSENT_DECISIONS }).notNull(),
    decidedOn: text("decided_on").notNull(),
    expiresOn: text("expires_on"),
    /** When the person cannot consent: who decided on their behalf, and why. */
    onBehalfBy: text("on_behalf_by"),
    onBehalfReason: text("on_behalf_reason"),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("consents_person_idx").on(t.personId, t.purpose, t.decidedOn),
    index("consents_panti_idx").on(t.pantiId, t.expiresOn),
    index("consents_recorded_by_idx").on(t.recordedBy),
  ],
);

// ---------------------------------------------------------------------------
// FKD-MPU hand-offs between provinces (signed packets, docs/decisions/020-fkd-mpu-packets.md)
// ---------------------------------------------------------------------------

/**
 * A repatriation hand-off, as this instance sees it: outgoing (prepared here from a resident's
 * stay) or incoming (a packet received from a partner). Both sides know it by the packet id.
 */
export const handoffs = sqliteTable(
  "handoffs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The hand-off packet's UUID: the same on both instances, the key of idempotent receipt. */
    packetId: text("packet_id").notNull(),
    direction: text("direction", { enum: HANDOFF_DIRECTIONS }).notNull(),
    /** The other province (sender of an incoming, receiver of an outgoing hand-off). */
    partnerCode: text("partner_code")
      .notNull()
      .references(() => partnerProvinces.code),
    status: text("status", { enum: HANDOFF_STATUSES }).notNull().default("draft"),
    /** Outgoing: by the partner's API, or as a signed file and cover letter. */
    channel: text("channel", { enum: HANDOFF_CHANNELS }),
    /**
     * Outgoing: the stay it ends. Incoming: the stay the referral made from it became, set when
     * the referral is admitted (one incoming hand-off per stay at most).
     */
    stayId: integer("stay_id").references(() => stays.id),
    personId: integer("person_id").references(() => persons.id),
    /** The panti whose staff see it: outgoing, the sending panti; incoming, the panti it was referred to. */
    pantiId: integer("panti_id").references(() => panti.id),
    /** The name shown in lists (the packet's person, or "Mr. X"). */
    personName: text("person_name").notNull(),
    plannedDate: text("planned_date"),
    /** The packet as signed (outgoing: from "sent" on; incoming: as received) and its signature. */
    packet: text("packet", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    signature: text("signature"),
    /** SHA-256 of the canonical packet: a replay has the same, a conflicting reuse of the id another. */
    packetHash: text("packet_hash"),
    acceptedAs: text("accepted_as", { enum: ACCEPTED_AS }),
    /** Incoming, accepted to a panti: the referral made from the packet. */
    placementId: integer("placement_id").references(() => placements.id),
    declineReason: text("decline_reason"),
    arrivalCondition: text("arrival_condition", { enum: ARRIVAL_CONDITIONS }),
    arrivalNote: text("arrival_note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    statusChangedAt: integer("status_changed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("handoffs_direction_packet_uq").on(t.direction, t.packetId),
    index("handoffs_partner_status_idx").on(t.partnerCode, t.status),
    index("handoffs_status_idx").on(t.status, t.createdAt),
    index("handoffs_panti_idx").on(t.pantiId, t.status),
    index("handoffs_stay_idx").on(t.stayId),
    uniqueIndex("handoffs_incoming_stay_uq").on(t.stayId).where(sql`direction = 'incoming' and stay_id is not null`),
    index("handoffs_person_idx").on(t.personId),
    index("handoffs_placement_idx").on(t.placementId),
    index("handoffs_created_by_idx").on(t.createdBy),
  ],
);

/** Every status a hand-off went through, here or reported by the partner (append-only). */
export const handoffEvents = sqliteTable(
  "handoff_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    handoffId: integer("handoff_id")
      .notNull()
      .references(() => handoffs.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: HANDOFF_STATUSES }).notNull(),
    /** Reported by the partner's instance (a signed status packet) rather than recorded here. */
    remote: integer("remote", { mode: "boolean" }).notNull().default(false),
    /** The status packet that reported it: a repeated report is recognised by this id. */
    packetId: text("packet_id"),
    note: text("note"),
    actorId: integer("actor_id").references(() => users.id),
  },
  (t) => [
    index("handoff_events_handoff_idx").on(t.handoffId, t.at),
    index("handoff_events_actor_idx").on(t.actorId),
    uniqueIndex("handoff_events_packet_uq").on(t.packetId).where(sql`packet_id is not null`),
  ],
);

/** Signed packets waiting for, or done with, delivery to a partner's instance. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partnerCode: text("partner_code")
      .notNull()
      .references(() => partnerProvinces.code),
    kind: text("kind", { enum: PACKET_KINDS }).notNull(),
    packetId: text("packet_id").notNull(),
    /** The path on the partner's instance (/api/v1/handoffs ...). */
    path: text("path").notNull(),
    /** The JSON body sent: `{ packet, signature }`. */
    body: text("body").notNull(),
    handoffId: integer("handoff_id").references(() => handoffs.id),
    tracingRequestId: integer("tracing_request_id").references((): AnySQLiteColumn => tracingRequests.id),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lastAttemptAt: integer("last_attempt_at", { mode: "timestamp_ms" }),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_packet_uq").on(t.packetId),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_partner_idx").on(t.partnerCode, t.id),
    index("outbox_handoff_idx").on(t.handoffId),
    index("outbox_tracing_idx").on(t.tracingRequestId),
  ],
);

/** Requests to trace a resident's family: sent to a partner province, or received from one. */
export const tracingRequests = sqliteTable(
  "tracing_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    packetId: text("packet_id").notNull(),
    direction: text("direction", { enum: HANDOFF_DIRECTIONS }).notNull(),
    partnerCode: text("partner_code")
      .notNull()
      .references(() => partnerProvinces.code),
    /** Outgoing: the resident's stay whose family-tracing log receives the answer. */
    stayId: integer("stay_id").references(() => stays.id),
    pantiId: integer("panti_id").references(() => panti.id),
    status: text("status", { enum: TRACING_REQUEST_STATUSES }).notNull().default("open"),
    packet: text("packet", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    packetHash: text("packet_hash"),
    answer: text("answer", { mode: "json" }).$type<Record<string, unknown>>(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tracing_requests_direction_packet_uq").on(t.direction, t.packetId),
    index("tracing_requests_status_idx").on(t.status, t.direction),
    index("tracing_requests_partner_idx").on(t.partnerCode),
    index("tracing_requests_stay_idx").on(t.stayId),
    index("tracing_requests_panti_idx").on(t.pantiId),
    index("tracing_requests_created_by_idx").on(t.createdBy),
  ],
);

// ---------------------------------------------------------------------------
// Approvals: what waits for a second person (docs/decisions/022-approvals.md)
// ---------------------------------------------------------------------------

/**
 * A request for approval of a case plan, an exit or a hand-off draft, and its decision. The
 * subject is the plan, the stay (an exit) or the hand-off; `version` is what was asked about (the
 * plan's goals, the draft's packet hash), so that a changed subject is not approved unseen. An
 * exit waits here with its form (`payload`) and is recorded only when approved.
 */
export const approvals = sqliteTable(
  "approvals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: APPROVAL_KINDS }).notNull(),
    /** The plan's, the stay's (exit) or the hand-off's id. */
    subjectId: integer("subject_id").notNull(),
    pantiId: integer("panti_id")
      .notNull()
      .references(() => panti.id),
    stayId: integer("stay_id")
      .notNull()
      .references(() => stays.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    status: text("status", { enum: APPROVAL_STATUSES }).notNull().default("pending"),
    /** Who may decide: a panti admin of the panti or Dinsos, or only Dinsos. */
    level: text("level", { enum: APPROVER_LEVELS }).notNull(),
    /** Why it waits (an exit: child or restricted). */
    reason: text("reason"),
    version: text("version").notNull(),
    /** An exit's form, recorded as it was asked for once approved. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>(),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    /** Why it was rejected. */
    decisionReason: text("decision_reason"),
  },
  (t) => [
    index("approvals_subject_idx").on(t.kind, t.subjectId, t.requestedAt),
    index("approvals_panti_status_idx").on(t.pantiId, t.status, t.requestedAt),
    index("approvals_status_idx").on(t.status, t.requestedAt),
    index("approvals_stay_idx").on(t.stayId),
    index("approvals_person_idx").on(t.personId),
    index("approvals_requested_by_idx").on(t.requestedBy),
    index("approvals_decided_by_idx").on(t.decidedBy),
    // One request waits at a time for each subject.
    uniqueIndex("approvals_one_pending_uq").on(t.kind, t.subjectId).where(sql`status = 'pending'`),
  ],
);
