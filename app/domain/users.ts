/**
 * User accounts: the rules and form schemas of user management, the password change, and the
 * audit log page's filters and compact diff. Pure: no I/O.
 */
import * as z from "zod/mini";
import { idField } from "./fields";
import { PANTI_SCOPED_ROLES, ROLES, type Role } from "./permissions";
import { OUTREACH_UNIT_CODES } from "./reference";
import { hasMarkup } from "./text";
import { isCalendarDate } from "./time";

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

export const USERNAME_PATTERN = /^[a-z0-9.-]{3,32}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Whether the role works inside one panti (and so must have one). */
export function isPantiScoped(role: Role): boolean {
  return PANTI_SCOPED_ROLES.includes(role);
}

/** Whether the role works for an outreach unit (and so must have one). */
export function needsOutreachUnit(role: Role): boolean {
  return role === "outreach";
}

/**
 * The scope a role needs: a panti for panti-scoped roles (and none for the others), an
 * outreach unit for outreach officers (and none for the others). Field errors as message keys.
 */
export function scopeErrors(input: {
  role: Role;
  pantiId?: number | null;
  outreachUnit?: string | null;
}): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const scoped = isPantiScoped(input.role);
  if (scoped && input.pantiId == null) errors.pantiId = ["users.error.pantiRequired"];
  if (!scoped && input.pantiId != null) errors.pantiId = ["users.error.pantiForbidden"];
  const unit = needsOutreachUnit(input.role);
  if (unit && !input.outreachUnit) errors.outreachUnit = ["users.error.unitRequired"];
  if (!unit && input.outreachUnit) errors.outreachUnit = ["users.error.unitForbidden"];
  return errors;
}

/** Why a new password is refused (message keys), or an empty list. */
export function newPasswordProblems(input: {
  newPassword: string;
  username: string;
  currentPassword?: string;
}): string[] {
  const problems: string[] = [];
  if (input.newPassword.length < PASSWORD_MIN_LENGTH) problems.push("users.error.passwordShort");
  if (input.newPassword.trim().toLowerCase() === input.username.trim().toLowerCase()) {
    problems.push("users.error.passwordIsUsername");
  }
  if (input.currentPassword !== undefined && input.newPassword === input.currentPassword) {
    problems.push("users.error.passwordUnchanged");
  }
  return problems;
}

/**
 * A short fingerprint of the editable fields of a user, sent with the edit form: when it no
 * longer matches, someone else changed the user since the form was loaded (FNV-1a, 32 bits).
 */
export function userVersion(user: {
  name: string;
  role: Role;
  pantiId: number | null;
  outreachUnit: string | null;
  active: boolean;
}): string {
  const text = JSON.stringify([user.name, user.role, user.pantiId, user.outreachUnit, user.active]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

// ---------------------------------------------------------------------------
// Form schemas
// ---------------------------------------------------------------------------

/** Usernames are stored in lower case (sign-in lowercases what is typed). */
export const usernameField = () =>
  // One message covers the characters and the length.
  z.string().check(z.trim(), z.toLowerCase(), z.regex(USERNAME_PATTERN, "users.error.username"));

const fullName = () =>
  z.pipe(z.string().check(z.trim(), z.minLength(2), z.maxLength(100), z.refine((v) => !hasMarkup(v), "error.no_markup")), z.transform((v) => v.replace(/\s+/g, " ")));

const newPassword = () =>
  z.string().check(z.minLength(PASSWORD_MIN_LENGTH, "users.error.passwordShort"), z.maxLength(PASSWORD_MAX_LENGTH));

const scopeFields = {
  role: z.enum(ROLES),
  pantiId: z.optional(idField()),
  outreachUnit: z.optional(z.enum(OUTREACH_UNIT_CODES)),
};

function refineScope(
  value: { role: Role; pantiId?: number; outreachUnit?: string },
  ctx: z.core.$RefinementCtx,
) {
  for (const [path, messages] of Object.entries(scopeErrors(value))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
  }
}

export const createUserSchema = z.object({
  username: usernameField(),
  name: fullName(),
  ...scopeFields,
  /** Optional: when empty, a password is generated and shown once. */
  password: z.optional(newPassword()),
}).check(z.superRefine((value, ctx) => {
  refineScope(value, ctx);
  if (value.password && value.password.trim().toLowerCase() === value.username) {
    ctx.addIssue({ code: "custom", path: ["password"], message: "users.error.passwordIsUsername" });
  }
}));
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z.object({
  intent: z.literal("update"),
  name: fullName(),
  ...scopeFields,
  /** The userVersion the form was loaded with. */
  version: z.string().check(z.regex(/^[0-9a-f]{8}$/)),
}).check(z.superRefine(refineScope));
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ intent: z.literal("reset-password") });
export const setActiveSchema = z.object({ intent: z.enum(["deactivate", "reactivate"]) });
export const unlockSignInSchema = z.object({ intent: z.literal("unlock-sign-in") });

/** The password change of the signed-in user; the new password may not be their username. */
export function changePasswordSchema(username: string) {
  return z.object({
    currentPassword: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)),
    newPassword: newPassword(),
    confirmPassword: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)),
  }).check(z.superRefine((value, ctx) => {
    for (const problem of newPasswordProblems({ ...value, username })) {
      // The length is the field's own check; the others are added here.
      if (problem === "users.error.passwordShort") continue;
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    }
    if (value.confirmPassword !== value.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "users.error.confirmMismatch" });
    }
  }));
}
export type ChangePasswordInput = z.output<ReturnType<typeof changePasswordSchema>>;

// ---------------------------------------------------------------------------
// List filters (query string): unknown values are ignored, not errors
// ---------------------------------------------------------------------------

const page = z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))), undefined);

export const userListFilterSchema = z.object({
  q: z.pipe(z.catch(z.optional(z.string().check(z.trim(), z.maxLength(64))), undefined), z.transform((v) => v || undefined)),
  role: z.catch(z.optional(z.enum(ROLES)), undefined),
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  page,
});
export type UserListFilter = Partial<z.output<typeof userListFilterSchema>>;

const calendarDate = z.catch(z.optional(z.string().check(z.refine(isCalendarDate))), undefined);

/** A keyset position in the audit log: `<at ms>.<id>`. */
export const AUDIT_CURSOR = /^(\d{1,15})\.(\d{1,15})$/;

export const auditFilterSchema = z.object({
  action: z.pipe(z.catch(z.optional(z.string().check(z.trim(), z.maxLength(64), z.regex(/^[a-z0-9_.]*$/))), undefined), z.transform((v) => v || undefined)),
  entity: z.pipe(z.catch(z.optional(z.string().check(z.trim(), z.maxLength(40), z.regex(/^[a-z0-9_]*$/))), undefined), z.transform((v) => v || undefined)),
  entityId: z.pipe(z.catch(z.optional(z.string().check(z.trim(), z.maxLength(40))), undefined), z.transform((v) => v || undefined)),
  user: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  from: calendarDate,
  to: calendarDate,
  /** Entries older than this position (the next page). */
  before: z.catch(z.optional(z.string().check(z.regex(AUDIT_CURSOR))), undefined),
  /** Entries newer than this position (the previous page). */
  after: z.catch(z.optional(z.string().check(z.regex(AUDIT_CURSOR))), undefined),
});
export type AuditFilter = Partial<z.output<typeof auditFilterSchema>>;

export function parseAuditCursor(cursor: string): { at: number; id: number } | null {
  const match = AUDIT_CURSOR.exec(cursor);
  return match ? { at: Number(match[1]), id: Number(match[2]) } : null;
}

// ---------------------------------------------------------------------------
// Audit diff
// ---------------------------------------------------------------------------

export interface AuditChange {
  key: string;
  before: string | null;
  after: string | null;
}

export const REDACTED = "•••";

/** Keys whose values are never shown, even if a service put one in the log by mistake. */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  if (k === "mustchangepassword") return false;
  return k.endsWith("password") || k.endsWith("hash") || k.endsWith("secret") || k === "token" || k.endsWith("_token");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  const text =
    typeof value === "string"
      ? value
      : JSON.stringify(value, (key, inner: unknown) => (key && isSecretKey(key) ? REDACTED : inner));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The keys that differ between an audit row's before and after (all keys of a creation or a
 * deletion), values shortened to `max` characters and secrets masked.
 */
export function auditChanges(before: unknown, after: unknown, max = 80): AuditChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return [{ key: "", before: show(before, max), after: show(after, max) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: AuditChange[] = [];
  for (const key of keys) {
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    if (isSecretKey(key)) {
      changes.push({ key, before: key in b ? REDACTED : null, after: key in a ? REDACTED : null });
      continue;
    }
    const change = { key, before: show(b[key], max), after: show(a[key], max) };
    // An absent key and a null one read the same: nothing to show.
    if (change.before !== null || change.after !== null) changes.push(change);
  }
  return changes;
}
