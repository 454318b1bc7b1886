/** Messages: FKD-MPU hand-offs between provinces, the outbox and tracing requests (see messages.ts). */
export const handoffMessages = {
  "source.handoff": { id: "Serah terima provinsi", en: "Provincial hand-off" },
  "tracingChannel.partner_province": { id: "Lewat provinsi mitra (FKD-MPU)", en: "Through a partner province (FKD-MPU)" },
} as const;
