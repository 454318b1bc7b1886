/**
 * Roles and what each may do. Six fixed roles, one typed map: no permission strings in tables.
 *
 * A grant is either "any" (every panti) or "own" (only the panti the user is assigned to).
 * Scope is enforced twice: in the queries' `where` clauses and again here, in services.
 */

export const ROLES = [
  "dinsos_admin",
  "dinsos_viewer",
  "panti_admin",
  "instructor",
  "psychosocial",
  "outreach",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose work is inside one panti: they must have a panti assigned. */
export const PANTI_SCOPED_ROLES: readonly Role[] = ["panti_admin", "instructor", "psychosocial"];

export const PERMISSIONS = [
  /** See the shelter list with capacity and occupancy figures (no personal data). */
  "panti:list",
  /** Open a shelter's page: rooms and the bed board with residents' names. */
  "panti:view",
  /** Add rooms and beds, put beds out of service and back. */
  "bed:manage",
  /** Create users, reset passwords, deactivate accounts. */
  "user:manage",
  /** Read the audit log. */
  "audit:read",
  /** Refer a person to a panti (outreach: for their own unit). */
  "placement:create",
  /** See referrals: a panti's queue (own), a unit's referrals (outreach: own unit), or all. */
  "placement:read",
  /** Accept, decline or redirect a referral addressed to the panti. */
  "placement:decide",
  /** Move residents between beds, transfer them to another panti. */
  "resident:move",
  /** Create and revoke outreach units' API tokens; upload referral batches for any unit. */
  "api_token:manage",
  /** End a stay with its outcome, and undo a mistaken exit within the grace period. */
  "stay:exit",
  /** Record follow-up contacts after exits. */
  "followup:record",
  /** Edit the programme catalogue (programmes and their modules). */
  "programme:manage",
  /** Create classes and enrol residents. */
  "class:manage",
  /** See classes, attendance and progress (instructors: only their own classes). */
  "class:read",
  /** Record attendance and module progress (instructors: only their own classes). */
  "class:teach",
  /** Read a resident's case file (stages, assessment, plan, sessions without their notes). */
  "case:read",
  /** Write to the case file: stages, assessment, plan, family tracing, identity documents. */
  "case:write",
  /** Record psychosocial sessions. */
  "psychosocial:write",
  /** Read the confidential note of a psychosocial session (each read is logged). */
  "psychosocial:note",
  /** The review dashboard, reports and exports (panti admins: their own panti's figures). */
  "report:read",
  /** Edit the registry of FKD-MPU partner provinces (offices, contacts, instance addresses and keys). */
  "province:manage",
  /**
   * Mark a person's record restricted and lift the mark (panti admins: only for a person with an
   * open stay in their panti).
   */
  "person:restrict",
  /** See who opened a person's case file and when. */
  "case:read_log",
  /** Print what the app holds about a person, for their right to know. */
  "case:summary",
  /** Record incidents during a stay. */
  "incident:record",
  /** Acknowledge serious incidents shown on the home page. */
  "incident:acknowledge",
  /** Record a person's consent to share their information, by purpose. */
  "consent:record",
  /** See hand-offs between provinces and tracing requests (panti staff: their own panti's). */
  "handoff:read",
  /** Prepare and send a repatriation hand-off or a tracing request from a resident's case file. */
  "handoff:prepare",
  /** Take in hand-offs from partner provinces: accept, decline, confirm arrival; answer tracing requests. */
  "handoff:receive",
  /**
   * Approve or reject what waits for a second person: case plans, the exit of a child or of a
   * restricted person, repatriation hand-offs (panti admins: their own panti's, never their own
   * requests; some only Dinsos decides: app/domain/approvals.ts).
   */
  "approval:decide",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Grant = "any" | "own";

const GRANTS: Record<Role, Partial<Record<Permission, Grant>>> = {
  dinsos_admin: {
    "panti:list": "any",
    "panti:view": "any",
    "bed:manage": "any",
    "user:manage": "any",
    "audit:read": "any",
    "placement:create": "any",
    "placement:read": "any",
    "placement:decide": "any",
    "resident:move": "any",
    "api_token:manage": "any",
    "stay:exit": "any",
    "followup:record": "any",
    "programme:manage": "any",
    "class:manage": "any",
    "class:read": "any",
    "class:teach": "any",
    "case:read": "any",
    "case:write": "any",
    "psychosocial:write": "any",
    "psychosocial:note": "any",
    "report:read": "any",
    "province:manage": "any",
    "person:restrict": "any",
    "case:read_log": "any",
    "case:summary": "any",
    "incident:record": "any",
    "incident:acknowledge": "any",
    "consent:record": "any",
    "handoff:read": "any",
    "handoff:prepare": "any",
    "handoff:receive": "any",
    "approval:decide": "any",
  },
  dinsos_viewer: {
    "report:read": "any",
    "panti:list": "any",
    "panti:view": "any",
    "placement:read": "any",
    "class:read": "any",
    "case:read": "any",
    "handoff:read": "any",
  },
  panti_admin: {
    "panti:list": "own",
    "panti:view": "own",
    "bed:manage": "own",
    "placement:read": "own",
    "placement:decide": "own",
    "resident:move": "own",
    "stay:exit": "own",
    "followup:record": "own",
    "class:manage": "own",
    "class:read": "own",
    "case:read": "own",
    "case:write": "own",
    "report:read": "own",
    "person:restrict": "own",
    "case:summary": "own",
    "incident:record": "own",
    "incident:acknowledge": "own",
    "consent:record": "own",
    "handoff:read": "own",
    "handoff:prepare": "own",
    "handoff:receive": "own",
    "approval:decide": "own",
  },
  // Instructors: "own" means the classes they teach, in their panti.
  instructor: { "panti:list": "own", "class:read": "own", "class:teach": "own" },
  psychosocial: {
    "panti:list": "own",
    "panti:view": "own",
    "followup:record": "own",
    "case:read": "own",
    "case:write": "own",
    "psychosocial:write": "own",
    "psychosocial:note": "own",
    "incident:record": "own",
    "consent:record": "own",
  },
  // Outreach officers choose where to refer people: they see free places, not residents.
  // Their "own" scope is their outreach unit, not a panti.
  outreach: { "panti:list": "any", "placement:create": "own", "placement:read": "own" },
};

/** Roles whose "own" scope is an outreach unit rather than a panti. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ["outreach"];

export interface Actor {
  id: number;
  role: Role;
  pantiId: number | null;
  /** The outreach unit of an outreach officer. */
  outreachUnit?: string | null;
}

/** The grant a role holds for a permission, or null when it has none. */
export function grantFor(role: Role, permission: Permission): Grant | null {
  return GRANTS[role][permission] ?? null;
}

/** Whether the actor holds the permission at all (for some panti). */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  const grant = grantFor(actor.role, permission);
  if (grant === "own") {
    return UNIT_SCOPED_ROLES.includes(actor.role) ? actor.outreachUnit != null : actor.pantiId != null;
  }
  return grant === "any";
}

/** Whether the actor may use the permission for the given outreach unit. */
export function canOnUnit(actor: Actor, permission: Permission, unit: string | null): boolean {
  const grant = grantFor(actor.role, permission);
  if (grant === "any") return true;
  return grant === "own" && UNIT_SCOPED_ROLES.includes(actor.role) && unit != null && actor.outreachUnit === unit;
}

/** Whether the actor may use the permission on the given panti. */
export function canOnPanti(actor: Actor, permission: Permission, pantiId: number): boolean {
  const grant = grantFor(actor.role, permission);
  if (grant === "any") return true;
  if (grant === "own") return actor.pantiId != null && actor.pantiId === pantiId;
  return false;
}

/**
 * What an actor may read with a permission, as one value every personal-data query puts in its
 * `where` clause: every panti, one panti, one outreach unit, or nothing. There is no bare null:
 * "every panti" is only ever `{ kind: "all" }`, and only for a role whose grant is "any".
 */
export type Scope =
  | { kind: "all" }
  | { kind: "panti"; pantiId: number }
  | { kind: "unit"; unit: string }
  | { kind: "none" };

/** The scope of the actor for a permission: the one place that turns a role into a scope. */
export function scopeFor(actor: Actor, permission: Permission): Scope {
  const grant = grantFor(actor.role, permission);
  if (grant === "any") return { kind: "all" };
  if (grant !== "own") return { kind: "none" };
  if (UNIT_SCOPED_ROLES.includes(actor.role)) {
    return actor.outreachUnit ? { kind: "unit", unit: actor.outreachUnit } : { kind: "none" };
  }
  return actor.pantiId != null ? { kind: "panti", pantiId: actor.pantiId } : { kind: "none" };
}

/**
 * The panti filter of an aggregate, non-personal read model (capacity and occupancy figures,
 * report counts): null for every panti when the scope is "all", the panti's id when it is one
 * panti. Throws when the scope gives no panti figures at all. Personal-data queries take the
 * actor or the `Scope` instead, never this number.
 */
export function aggregatePantiFilter(scope: Scope, permission: Permission): number | null {
  if (scope.kind === "all") return null;
  if (scope.kind === "panti") return scope.pantiId;
  throw new PermissionDenied(permission);
}

export class PermissionDenied extends Error {
  constructor(public readonly permission: Permission) {
    super(`permission denied: ${permission}`);
    this.name = "PermissionDenied";
  }
}

/**
 * The outcome of a scoped check: allowed; forbidden (the role lacks the permission); or
 * not_found (the role has it, but for another panti: the record is not theirs to know about).
 */
export function checkPanti(
  actor: Actor,
  permission: Permission,
  pantiId: number,
): "allowed" | "forbidden" | "not_found" {
  if (canOnPanti(actor, permission, pantiId)) return "allowed";
  return hasPermission(actor, permission) ? "not_found" : "forbidden";
}
