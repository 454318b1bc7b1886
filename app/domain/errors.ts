/**
 * Errors that services throw and routes turn into responses.
 * Messages are translation keys (see app/utils/messages.ts) with optional parameters.
 */
import { PermissionDenied } from "./permissions";

export { PermissionDenied };

/** The record does not exist, or is outside the actor's scope (both answer 404: no leak). */
export class NotFound extends Error {
  constructor(public readonly entity: string) {
    super(`${entity} not found`);
    this.name = "NotFound";
  }
}

/** The write conflicts with the current state (a bed just taken, a stale form). */
export class Conflict extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = "Conflict";
  }
}

/** Input that passed the schema but breaks a rule that needs the database (e.g. a taken username). */
export class InvalidInput extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super("invalid input");
    this.name = "InvalidInput";
  }
}

/** Too many failed attempts: the next one is allowed at `until` (429 with Retry-After). */
export class Throttled extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly until: Date,
    public readonly retryAfterSeconds: number,
  ) {
    super(messageKey);
    this.name = "Throttled";
  }
}
