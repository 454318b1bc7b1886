/** Turning service outcomes into responses, with the form contract of app/utils/validation.ts. */
import { data } from "@remix-run/node";
import type * as z from "zod/mini";
import { Conflict, InvalidInput, NotFound, PermissionDenied, Throttled } from "~/domain/errors";
import { forbidden, getLang, notFound } from "./auth.server";
import { readForm } from "./body.server";
import { formatTime, formatWait, translator, type Lang } from "./i18n";
import { formValues, parseForm, type FormFailure } from "./validation";

/**
 * For an action's own failure shapes and parsing. Through this module a page whose browser code
 * does not validate does not keep ./validation's shared chunk (and zod) in its scripts: the
 * import of a shared chunk stays even when only the action used it (decision 018).
 */
export { formValues, parseForm };

/**
 * The answer to a refused form, of one type whatever the reason (so that a page reads it without
 * casts): every field error, the values typed, and a message for the whole form.
 */
export function formFailure(status: 400 | 409 | 429, failure: Omit<FormFailure, "ok">, headers?: HeadersInit) {
  return data<FormFailure>({ ok: false, ...failure }, { status, headers });
}

export type FormFailureResponse = ReturnType<typeof formFailure>;

/** 400 with field errors and the values the user typed. */
export function badRequest(failure: Omit<FormFailure, "ok">) {
  return formFailure(400, failure);
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
  const formError = t.dynamic(wait.messageKey, {
    wait: formatWait(lang, wait.retryAfterSeconds),
    time: formatTime(lang, wait.until),
  });
  return formFailure(429, { errors: {}, values, formError }, { "Retry-After": String(wait.retryAfterSeconds) });
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
): { ok: true; result: T } | { ok: false; response: FormFailureResponse } {
  try {
    return { ok: true, result: fn() };
  } catch (error) {
    return { ok: false, response: failureResponse(error, lang, values) };
  }
}

export function failureResponse(error: unknown, lang: Lang, values: Record<string, string>): FormFailureResponse {
  const t = translator(lang);
  if (error instanceof NotFound) throw notFound();
  if (error instanceof PermissionDenied) throw forbidden();
  if (error instanceof Conflict) {
    return formFailure(409, { errors: {}, values, formError: t.dynamic(error.messageKey, error.params) });
  }
  if (error instanceof Throttled) return tooManyRequests(lang, values, error);
  if (error instanceof InvalidInput) {
    const errors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map((m) => t.keyOrText(m))]),
    );
    return formFailure(400, { errors, values });
  }
  throw error;
}

export type Submitted<R, I> = { ok: true; result: R; input: I; lang: Lang } | { ok: false; response: FormFailureResponse };

/**
 * The whole of a form action between the guard and the answer: reads the body (under its cap),
 * parses it with the form's zod schema (every error at once, in the user's language) and runs the
 * service with the parsed input; a refusal comes back as the form's failure response. Pass
 * `formData` when the action has read it already (to choose between intents).
 */
export async function submitForm<S extends z.ZodMiniType, R>(
  request: Request,
  schema: S,
  run: (input: z.output<S>) => R,
  options: { formData?: FormData; lang?: Lang } = {},
): Promise<Submitted<R, z.output<S>>> {
  const lang = options.lang ?? (await getLang(request));
  const formData = options.formData ?? (await readForm(request));
  const parsed = parseForm(schema, formData, lang);
  if (!parsed.ok) return { ok: false, response: badRequest(parsed) };
  const outcome = runService(lang, formValues(formData), () => run(parsed.data));
  if (!outcome.ok) return outcome;
  return { ok: true, result: outcome.result, input: parsed.data, lang };
}

/** A generated file as a download (templates): not cached, named for the user's disk. */
export function fileDownload(file: { body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string }): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
