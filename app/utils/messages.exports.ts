/** Messages of the export form (CSV and XLSX downloads of lists and reports) and the purposes a consent or an export is for. */
export const exportMessages = {
  "export.csv": { id: "CSV", en: "CSV" },
  "export.xlsx": { id: "Excel (XLSX)", en: "Excel (XLSX)" },
  "export.purpose": { id: "Untuk", en: "For" },
  "export.purpose.internal": { id: "Kerja internal Dinsos / panti", en: "Internal work of Dinsos / the panti" },
  "export.purpose.hint": {
    id: "Daftar ini memuat nama. Untuk penerima di luar Dinsos dan panti, hanya orang yang persetujuannya untuk penerima itu berlaku yang disertakan; catatan terbatas tidak pernah.",
    en: "This list names people. For a recipient outside Dinsos and the panti, only persons whose consent for that recipient is in force are included; restricted records never are.",
  },
  "export.purpose.to": { id: "Penerima: {purpose}", en: "Recipient: {purpose}" },
  "export.error.purpose": {
    id: "Unduhan yang memuat nama harus menyebut tujuannya: kerja internal, atau penerima di luar (keluarga, provinsi asal, Dukcapil, rumah sakit, LKS mitra).",
    en: "A download that names people must state its purpose: internal work, or a recipient outside (family, home province, Dukcapil, hospital, partner LKS).",
  },
  "export.error.noneConsented": {
    id: "Tidak ada orang dalam daftar ini yang persetujuannya untuk {purpose} berlaku (atau semuanya catatan terbatas): tidak ada yang dapat diunduh untuk penerima itu.",
    en: "Nobody in this list has a consent in force for {purpose} (or all are restricted records): there is nothing to download for that recipient.",
  },
  "export.leftOut": {
    id: "{n} orang tidak disertakan: persetujuan untuk {purpose} tidak berlaku, catatan terbatas, atau belum terhubung ke catatan orang.",
    en: "{n} persons left out: no consent in force for {purpose}, a restricted record, or not yet linked to a person's record.",
  },
  "consentPurpose.family": { id: "Keluarga", en: "Family" },
  "consentPurpose.home_province": { id: "Provinsi asal (FKD-MPU)", en: "Home province (FKD-MPU)" },
  "consentPurpose.dukcapil": { id: "Dukcapil (dokumen identitas)", en: "Dukcapil (identity documents)" },
  "consentPurpose.hospital": { id: "Rumah sakit", en: "Hospital" },
  "consentPurpose.partner_lks": { id: "LKS mitra", en: "Partner LKS" },
  "consentPurpose.research": { id: "Penelitian (anonim)", en: "Anonymised research" },
  "consent.error.expiryBeforeDecision": { id: "Tanggal berakhir sebelum tanggal keputusan.", en: "The end date is before the decision." },
  "dash.download": { id: "Unduh", en: "Download" },
} as const;
