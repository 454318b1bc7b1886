/** Messages: API tokens and the placements API (see messages.ts). */
export const apiMessages = {
} as const satisfies Record<string, { id: string; en: string }>;
