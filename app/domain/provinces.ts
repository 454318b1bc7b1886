/**
 * The FKD-MPU partner provinces as this app knows them: the registry's edit form, and which
 * province this deployment serves. Sending and receiving packets builds on this.
 */
import * as z from "zod";
import { checkbox } from "./fields";
import { personName, plainText } from "./text";

/** The province a deployment serves when PANTI_PROVINCE is unset: DKI Jakarta (BPS code 31). */
export const DEFAULT_PROVINCE_CODE = "31";

/** A BPS province code: two digits. */
export const PROVINCE_CODE = /^\d{2}$/;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** The partner's instance address: http(s), no credentials, query or fragment; stored without a trailing slash. */
const baseUrl = () =>
  z
    .string()
    .trim()
    .max(200)
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, "provinces.error.baseUrl")
    .transform((v) => v.replace(/\/+$/, ""));

export const partnerProvinceSchema = z.object({
  office: plainText(200).pipe(z.string().min(3)),
  contactName: optional(personName()),
  contactPhone: optional(z.string().trim().regex(/^\+?[0-9 -]{6,20}$/, "error.phone")),
  contactEmail: optional(z.email("provinces.error.email").max(200)),
  baseUrl: optional(baseUrl()),
  /** Checked as an Ed25519 key on the server (node:crypto); here only its shape. */
  publicKey: optional(
    z
      .string()
      .transform((v) => v.replace(/\s+/g, ""))
      .pipe(z.string().max(200).regex(/^[A-Za-z0-9+/]+={0,2}$/, "provinces.error.publicKey")),
  ),
  active: checkbox(),
});
export type PartnerProvinceInput = z.output<typeof partnerProvinceSchema>;

/** The province this deployment serves, from its configured code (two digits), else DKI Jakarta. */
export function ownProvinceCode(configured: string | undefined): string {
  const code = configured?.trim();
  return code && PROVINCE_CODE.test(code) ? code : DEFAULT_PROVINCE_CODE;
}
