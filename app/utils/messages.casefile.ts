/** Messages: The resident case file: stages, assessment, plan, psychosocial sessions, family tracing, identity documents (see messages.ts). */
export const caseFileMessages = {
} as const satisfies Record<string, { id: string; en: string }>;
