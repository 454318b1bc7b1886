/**
 * Downloads that name people leave the panti: each states what it is for, and for a recipient
 * outside Dinsos and the panti only the persons who consented to that recipient are in it
 * (docs/decisions/021-safeguarding.md). Pure rules; no I/O.
 */
import * as z from "zod/mini";
import { EXPORT_PURPOSES, type ExportPurpose } from "./enums";

export { EXPORT_PURPOSES, type ExportPurpose } from "./enums";

export const exportPurposeSchema = z.object({
  purpose: z.enum(EXPORT_PURPOSES, { error: "export.error.purpose" }),
});

/** Why a person is left out of a download for an external recipient (null: they are in it). */
export type LeftOutReason = "no_consent" | "restricted" | "unlinked";

/**
 * Whether a row of a list of people may go to the recipient of the purpose. Internal work keeps
 * every row (the list's own scope and masking apply). A recipient outside gets only persons with
 * a consent in force for that purpose; a restricted person never goes out in a list (their data
 * leaves one by one, through a hand-off), nor a row with no person behind it (a referral not yet
 * linked to a record, whose consent nobody has asked).
 */
export function leftOutReason(
  purpose: ExportPurpose,
  person: { personId: number | null; restricted: boolean; consentInForce: boolean },
): LeftOutReason | null {
  if (purpose === "internal") return null;
  if (person.personId == null) return "unlinked";
  if (person.restricted) return "restricted";
  return person.consentInForce ? null : "no_consent";
}
