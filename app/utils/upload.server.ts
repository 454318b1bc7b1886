/**
 * The actions of an upload page (referrals, past stays), one contract for both: a multipart POST
 * uploads a file and answers its preview (400 with the preview when a row is wrong, 413 when the
 * file is over the cap); a plain form imports or discards a previewed batch, then shows it.
 */
import { data, redirect } from "@remix-run/node";
import type * as z from "zod/mini";
import { batchDecisionSchema } from "~/domain/placement-import";
import { readUploadForm } from "./body.server";
import { badRequest, failureResponse, submitForm } from "./http.server";
import { translator, type Lang } from "./i18n";
import { formDataWithFiles, formValues, parseJson, type FormFailure } from "./validation";

/** Whether the request is an upload (multipart) rather than a decision on a batch. */
export function isUpload(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

/** Import or discard a previewed batch, then the page shows it (`?batch=ID`). */
export async function decideBatch(request: Request, lang: Lang, page: string, decide: (intent: "import" | "discard", batchId: number) => unknown) {
  const submitted = await submitForm(request, batchDecisionSchema, ({ intent, batchId }) => decide(intent, batchId), { lang });
  if (!submitted.ok) return submitted.response;
  return redirect(`${page}?batch=${submitted.input.batchId}`);
}

/**
 * Reads the upload (the file at most 5 MB, the whole body a little more), parses its fields with
 * `schema` (which takes the file itself) and answers the preview the service makes of it.
 */
export async function uploadAndPreview<S extends z.ZodMiniType<{ file: File }>, P extends { errors: readonly unknown[]; invalidRowCount: number }>(
  request: Request,
  lang: Lang,
  schema: S,
  preview: (input: z.output<S>, bytes: Uint8Array) => Promise<P>,
) {
  const t = translator(lang);
  const upload = await readUploadForm(request, lang);
  if (!upload.ok) return data<FormFailure>(upload.tooLarge, { status: 413 });
  const { formData } = upload;
  const values = formValues(formData);
  const parsed = parseJson(schema, formDataWithFiles(formData), lang);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values, formError: t("error.form") });
  try {
    const result = await preview(parsed.data, new Uint8Array(await parsed.data.file.arrayBuffer()));
    if (result.errors.length > 0) {
      // Refused, with the preview: the page lists every row error.
      const refused = t("import.rejected", { rows: result.invalidRowCount });
      return data({ ok: false as const, errors: { file: [refused] }, values, formError: refused, preview: result }, { status: 400 });
    }
    return data({ ok: true as const, preview: result });
  } catch (error) {
    return failureResponse(error, lang, values);
  }
}
