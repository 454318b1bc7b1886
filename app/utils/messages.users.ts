/** Messages of user management, password change and the audit log (see messages.ts). */
export const userMessages = {
  // --- users -----------------------------------------------------------------------
  "users.title": { id: "Pengguna", en: "Users" },
  "users.new": { id: "Tambah pengguna", en: "New user" },
  "users.username": { id: "Nama pengguna", en: "Username" },
  "users.name": { id: "Nama lengkap", en: "Full name" },
  "users.role": { id: "Peran", en: "Role" },
  "users.panti": { id: "Panti", en: "Shelter" },
  "users.outreachUnit": { id: "Unit P3S", en: "Outreach unit" },
  "users.active": { id: "Aktif", en: "Active" },
  "users.inactive": { id: "Nonaktif", en: "Inactive" },
  "users.lastLogin": { id: "Terakhir masuk", en: "Last sign-in" },
  "users.password": { id: "Kata sandi awal", en: "Initial password" },
  "users.passwordHint": {
    id: "Kosongkan untuk dibuatkan otomatis. Pengguna wajib menggantinya saat pertama masuk.",
    en: "Leave empty to generate one. The user must change it at first sign-in.",
  },

  // --- audit ------------------------------------------------------------------------
  "audit.title": { id: "Log audit", en: "Audit log" },
  "audit.at": { id: "Waktu", en: "Time" },
  "audit.user": { id: "Pengguna", en: "User" },
  "audit.action": { id: "Tindakan", en: "Action" },
  "audit.entity": { id: "Data", en: "Record" },
  "audit.changes": { id: "Perubahan", en: "Changes" },
} as const satisfies Record<string, { id: string; en: string }>;
