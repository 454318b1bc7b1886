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
  "error.tooLarge.title": { id: "Kiriman terlalu besar", en: "Submission too large" },
  "error.tooLarge.body": {
    id: "Isian atau berkas yang dikirim melebihi batas. Tidak ada yang disimpan. Perkecil isinya lalu coba lagi.",
    en: "What was sent is over the limit. Nothing was saved. Make it smaller and try again.",
  },
  "error.badRequest.title": { id: "Kiriman tidak dapat dibaca", en: "Submission could not be read" },
  "error.badRequest.body": {
    id: "Formulir tiba rusak atau dalam bentuk yang tidak dikenal. Tidak ada yang disimpan. Muat ulang halaman lalu kirim lagi.",
    en: "The form arrived broken or in an unknown form. Nothing was saved. Reload the page and send it again.",
  },
} as const;
