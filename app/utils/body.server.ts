/**
 * Reading request bodies with a cap, before any parsing. Every form action reads its body with
 * `readForm(request)` instead of `request.formData()`:
 *
 * - a Content-Type other than urlencoded or multipart form data (or none) is refused with 415;
 * - a body over the cap (declared in Content-Length, or counted while reading) is refused with
 *   413 as soon as the cap is passed: the rest is never read (server.js closes the connection);
 * - a body that cannot be parsed (broken multipart, invalid UTF-8, an aborted upload) is a 400.
 *
 * The refusals are thrown Responses with a short message in the user's language; the route's
 * error boundary shows a page for the status. The placement upload reads its multipart body with
 * `readMultipart`, under its own limit. The JSON API has its own reader (64 KB, see
 * app/services/placement-api.server.ts). server.js checks the same limits before Remix
 * (app/utils/body-limits.server.js): keep the figures there equal to these.
 */
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { MAX_IMPORT_BYTES } from "~/domain/placement-import";
import type { FormFailure } from "./validation";
import { getLang } from "./auth.server";
import { translator, type Lang } from "./i18n";

/** The largest form body: a form of this app is a few kilobytes. */
export const FORM_BODY_MAX_BYTES = 1024 * 1024;
/** The most fields a form may have (an attendance sheet of a large class has a few hundred). */
export const FORM_MAX_FIELDS = 2_000;
/** The largest placement upload: the file (MAX_IMPORT_BYTES) and the multipart around it. */
export const UPLOAD_BODY_MAX_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

export type BodyProblem = "tooLarge" | "unsupportedType" | "malformed";

const STATUS: Record<BodyProblem, 400 | 413 | 415> = { tooLarge: 413, unsupportedType: 415, malformed: 400 };

/** The refusal of a body: a short plain-text message in the user's language. */
export function bodyRefusal(problem: BodyProblem, lang: Lang, maxBytes = FORM_BODY_MAX_BYTES): Response {
  const t = translator(lang);
  const message = t(`body.error.${problem}`, { max: formatSize(maxBytes) });
  return new Response(message, {
    status: STATUS[problem],
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The media type of a Content-Type header, lower case, without parameters; "" when absent. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The boundary parameter of a multipart Content-Type, or null. */
function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? null;
  return boundary && boundary.length <= 70 ? boundary : null;
}

function declaredLength(request: Request): number | null {
  const raw = request.headers.get("Content-Length");
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw);
}

class BodyTooLarge extends Error {}

/**
 * Reads the body, counting bytes, and stops at `maxBytes`: null when there is more. The stream's
 * lock is released, not cancelled: cancelling destroys the socket before the 413 can be sent
 * (server.js closes the connection once the response is written).
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body of a form post (urlencoded or multipart), at most `maxBytes` and `maxFields`, or a
 * thrown 415, 413 or 400 Response.
 */
export async function readForm(
  request: Request,
  options: { maxBytes?: number; maxFields?: number; lang?: Lang } = {},
): Promise<FormData> {
  const maxBytes = options.maxBytes ?? FORM_BODY_MAX_BYTES;
  const maxFields = options.maxFields ?? FORM_MAX_FIELDS;
  const refuse = async (problem: BodyProblem) => bodyRefusal(problem, options.lang ?? (await getLang(request)), maxBytes);

  const contentType = request.headers.get("Content-Type") ?? "";
  const type = mediaType(contentType);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") throw await refuse("unsupportedType");
  if (type === "multipart/form-data" && !multipartBoundary(contentType)) throw await refuse("malformed");
  if ((declaredLength(request) ?? 0) > maxBytes) throw await refuse("tooLarge");

  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = await readBytes(request, maxBytes);
  } catch {
    throw await refuse("malformed"); // the client went away or the stream broke
  }
  if (bytes === null) throw await refuse("tooLarge");

  let formData: FormData;
  try {
    if (type === "application/x-www-form-urlencoded") {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      formData = new FormData();
      for (const [key, value] of new URLSearchParams(text)) formData.append(key, value);
    } else {
      formData = await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
    }
  } catch {
    throw await refuse("malformed");
  }
  let fields = 0;
  for (const _entry of formData.keys()) {
    if (++fields > maxFields) throw await refuse("tooLarge");
  }
  return formData;
}

/**
 * A multipart upload parsed part by part with `parse` (e.g. Remix's
 * unstable_parseMultipartFormData and an upload handler that limits each part), with the whole
 * body capped at `maxBytes`. Throws 415 for another Content-Type, 413 over the cap and 400 for a
 * body that is not multipart; errors of the upload handler other than parse errors (such as
 * MaxPartSizeExceededError) are passed on for the route to answer.
 */
export async function readMultipart(
  request: Request,
  parse: (request: Request) => Promise<FormData>,
  options: { maxBytes: number; isHandlerError?: (error: unknown) => boolean; lang?: Lang },
): Promise<FormData> {
  const { maxBytes } = options;
  const refuse = async (problem: BodyProblem) => bodyRefusal(problem, options.lang ?? (await getLang(request)), maxBytes);

  const contentType = request.headers.get("Content-Type") ?? "";
  if (mediaType(contentType) !== "multipart/form-data") throw await refuse("unsupportedType");
  if (!multipartBoundary(contentType) || !request.body) throw await refuse("malformed");
  if ((declaredLength(request) ?? 0) > maxBytes) throw await refuse("tooLarge");

  let exceeded = false;
  const source = request.body.getReader();
  let size = 0;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await source.read();
      if (done) return controller.close();
      size += value.byteLength;
      if (size > maxBytes) {
        exceeded = true;
        source.releaseLock(); // not cancel(): see readBytes
        return controller.error(new BodyTooLarge());
      }
      controller.enqueue(value);
    },
    cancel() {
      try {
        if (!exceeded) source.releaseLock(); // not cancel(): see readBytes
      } catch {
        // a read was still pending: the stream is left to server.js to close
      }
    },
  });
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: counted,
    duplex: "half",
  } as RequestInit);

  try {
    return await parse(limited);
  } catch (error) {
    if (exceeded || error instanceof BodyTooLarge) throw await refuse("tooLarge");
    if (options.isHandlerError?.(error)) throw error;
    throw await refuse("malformed");
  }
}

/**
 * The multipart body of a file upload (the referral and the stays upload): the file part at most
 * MAX_IMPORT_BYTES, the whole body at most UPLOAD_BODY_MAX_BYTES. A file part over its limit is
 * answered with the file field's message (the route sends it with 413), shown beside the field.
 */
export async function readUploadForm(request: Request, lang: Lang): Promise<{ ok: true; formData: FormData } | { ok: false; tooLarge: FormFailure }> {
  const uploadHandler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES });
  try {
    const formData = await readMultipart(request, (limited) => unstable_parseMultipartFormData(limited, uploadHandler), {
      maxBytes: UPLOAD_BODY_MAX_BYTES,
      isHandlerError: (error) => error instanceof MaxPartSizeExceededError,
      lang,
    });
    return { ok: true, formData };
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const t = translator(lang);
    return { ok: false, tooLarge: { ok: false, errors: { file: [t("import.error.tooLarge")] }, values: {}, formError: t("error.form") } };
  }
}
