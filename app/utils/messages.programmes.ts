/** Messages: Rehabilitation programmes: catalogue, classes, attendance, progress, certificates (see messages.ts). */
export const programmeMessages = {
} as const satisfies Record<string, { id: string; en: string }>;
