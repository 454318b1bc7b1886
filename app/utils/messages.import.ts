/** Messages: Batch upload of referrals (CSV / XLSX) (see messages.ts). */
export const importMessages = {
} as const satisfies Record<string, { id: string; en: string }>;
