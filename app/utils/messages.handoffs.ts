/** Messages: FKD-MPU hand-offs between provinces, the outbox and tracing requests (see messages.ts). */
export const handoffMessages = {
  "source.handoff": { id: "Serah terima provinsi", en: "Provincial hand-off" },
  "tracingChannel.partner_province": { id: "Lewat provinsi mitra (FKD-MPU)", en: "Through a partner province (FKD-MPU)" },
  "packet.error.validation": { id: "Paket tidak sesuai format.", en: "The packet does not have the expected shape." },
  "packet.error.missing_signature": { id: "Paket tidak bertanda tangan.", en: "The packet is not signed." },
  "packet.error.invalid_signature": {
    id: "Tanda tangan paket tidak cocok dengan kunci publik provinsi pengirim.",
    en: "The packet's signature does not match the sending province's public key.",
  },
  "packet.error.unknown_partner": {
    id: "Provinsi pengirim tidak ada di daftar mitra instansi ini (atau belum ada kuncinya).",
    en: "The sending province is not a partner of this instance (or its key is not registered).",
  },
  "packet.error.wrong_recipient": { id: "Paket ini ditujukan ke provinsi lain.", en: "This packet is addressed to another province." },
  "packet.error.unsupported_version": { id: "Versi paket ini tidak dikenal.", en: "This packet version is not known here." },
  "packet.error.conflict": {
    id: "Nomor paket ini sudah dipakai untuk isi lain, atau statusnya tidak sesuai.",
    en: "This packet id was already used for other content, or the status does not fit.",
  },
  "packet.error.not_found": { id: "Serah terima atau permintaan itu tidak dikenal.", en: "No such hand-off or request." },
} as const;
