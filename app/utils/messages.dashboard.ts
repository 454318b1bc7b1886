/** Messages: Dinsos review: dashboard, quarterly report, exports (see messages.ts). */
export const dashboardMessages = {
} as const satisfies Record<string, { id: string; en: string }>;
