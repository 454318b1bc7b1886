/** Turning service outcomes into responses, with the form contract of app/utils/validation.ts. */
import { data } from "@remix-run/node";
import { Conflict, InvalidInput, NotFound, PermissionDenied, Throttled } from "~/domain/errors";
import { forbidden, notFound } from "./auth.server";
import { formatTime, formatWait, translator, type Lang } from "./i18n";
import type { FormFailure } from "./validation";

/** 400 with field errors and the values the user typed. */
export function badRequest(failure: Omit<FormFailure, "ok">) {
  return data({ ok: false as const, ...failure }, { status: 400 });
}

/**
 * 429 with a Retry-After header (seconds) and a message saying when to try again: the message
 * key gets `{wait}` ("2 menit") and `{time}` ("14.05 WIB").
 */
export function tooManyRequests(
  lang: Lang,
  values: Record<string, string>,
  wait: { messageKey: string; until: Date; retryAfterSeconds: number },
) {
  const t = translator(lang);
  const formError = t(wait.messageKey, {
    wait: formatWait(lang, wait.retryAfterSeconds),
    time: formatTime(lang, wait.until),
  });
  return data(
    { ok: false as const, errors: {} as Record<string, string[]>, values, formError },
    { status: 429, headers: { "Retry-After": String(wait.retryAfterSeconds) } },
  );
}

/**
 * Runs a service call; known domain errors become the matching response: 404 for not found or
 * out of scope, 403 for a missing permission, 409 for a conflict, 429 when throttled and 400 for
 * invalid input (each with the form's values kept). Anything else is a real bug and propagates (500).
 */
export function runService<T>(
  lang: Lang,
  values: Record<string, string>,
  fn: () => T,
): { ok: true; result: T } | { ok: false; response: ReturnType<typeof failureResponse> } {
  try {
    return { ok: true, result: fn() };
  } catch (error) {
    return { ok: false, response: failureResponse(error, lang, values) };
  }
}

export function failureResponse(error: unknown, lang: Lang, values: Record<string, string>) {
  const t = translator(lang);
  if (error instanceof NotFound) throw notFound();
  if (error instanceof PermissionDenied) throw forbidden();
  if (error instanceof Conflict) {
    return data(
      { ok: false as const, errors: {}, values, formError: t(error.messageKey, error.params) },
      { status: 409 },
    );
  }
  if (error instanceof Throttled) return tooManyRequests(lang, values, error);
  if (error instanceof InvalidInput) {
    const errors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map((m) => t(m))]),
    );
    return data({ ok: false as const, errors, values, formError: undefined }, { status: 400 });
  }
  throw error;
}
