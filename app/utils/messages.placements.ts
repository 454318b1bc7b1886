/** Messages: Referrals (placements), admission, matching and the handover record (see messages.ts). */
export const placementMessages = {
} as const satisfies Record<string, { id: string; en: string }>;
