/**
 * The FKD-MPU partner provinces as this app knows them: the registry's edit form, and which
 * province this deployment serves. Sending and receiving packets builds on this.
 */
import * as z from "zod/mini";
import { checkbox } from "./fields";
import { personName, plainText } from "./text";

/** The province a deployment serves when PANTI_PROVINCE is unset: DKI Jakarta (BPS code 31). */
export const DEFAULT_PROVINCE_CODE = "31";

/** A BPS province code: two digits. */
export const PROVINCE_CODE = /^\d{2}$/;

const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(z.transform((v) => (typeof v === "string" && v.trim() === "" ? undefined : v)), z.optional(schema));

/** The partner's instance address: http(s), no credentials, query or fragment; stored without a trailing slash. */
const baseUrl = () =>
  z.pipe(z.string().check(z.trim(), z.maxLength(200), z.refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, "provinces.error.baseUrl")), z.transform((v) => v.replace(/\/+$/, "")));

export const partnerProvinceSchema = z.object({
  office: z.pipe(plainText(200), z.string().check(z.minLength(3))),
  contactName: optional(personName()),
  contactPhone: optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 -]{6,20}$/, "error.phone"))),
  contactEmail: optional(z.email("provinces.error.email").check(z.maxLength(200))),
  baseUrl: optional(baseUrl()),
  /** Checked as an Ed25519 key on the server (node:crypto); here only its shape. */
  publicKey: optional(
    z.pipe(z.pipe(z.string(), z.transform((v) => v.replace(/\s+/g, ""))), z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, "provinces.error.publicKey"))),
  ),
  active: checkbox(),
});
export type PartnerProvinceInput = z.output<typeof partnerProvinceSchema>;

/** The province this deployment serves, from its configured code (two digits), else DKI Jakarta. */
export function ownProvinceCode(configured: string | undefined): string {
  const code = configured?.trim();
  return code && PROVINCE_CODE.test(code) ? code : DEFAULT_PROVINCE_CODE;
}
