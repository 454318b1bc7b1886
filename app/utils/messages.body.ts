/** Messages: refused request bodies (see app/utils/body.server.ts and messages.ts). */
export const bodyMessages = {
  "body.error.tooLarge": {
    id: "Kiriman terlalu besar (paling besar {max}). Tidak ada yang disimpan.",
    en: "The submission is too large (at most {max}). Nothing was saved.",
  },
  "body.error.unsupportedType": {
    id: "Jenis kiriman tidak didukung: kirim lewat formulir aplikasi. Tidak ada yang disimpan.",
    en: "Unsupported kind of submission: send it through the app's form. Nothing was saved.",
  },
  "body.error.malformed": {
    id: "Kiriman rusak atau tidak lengkap. Coba kirim ulang formulirnya. Tidak ada yang disimpan.",
    en: "The submission is broken or incomplete. Try sending the form again. Nothing was saved.",
  },
} as const;
