/** Messages: bringing in the past (historical decisions in the referral upload, the upload of past stays) (see messages.ts). */
export const historyMessages = {
  // --- decisions of historical referrals -------------------------------------------------------
  "import.error.decision": {
    id: "Keputusan \"{value}\" tidak dikenal. Tulis salah satu: {options} (atau kosongkan bila rujukan masih menunggu).",
    en: "Unknown decision \"{value}\". Write one of: {options} (or leave it empty while the referral waits).",
  },
  "import.error.decisionMissing": {
    id: "Kolom ini hanya diisi bersama keputusan (kolom keputusan).",
    en: "Fill this column only together with a decision (the decision column).",
  },
  "import.error.admittedAtRequired": {
    id: "Rujukan yang diterima perlu tanggal masuk panti.",
    en: "An accepted referral needs the date of admission.",
  },
  "import.error.decidedBeforeFound": {
    id: "Tanggal keputusan lebih awal dari waktu ditemukan.",
    en: "The decision date is before the time the person was found.",
  },
  "import.error.reasonRequired": {
    id: "Tulis alasan keputusan (paling sedikit 3 huruf).",
    en: "Write the reason for the decision (at least 3 letters).",
  },
  "import.error.bedOnlyAccepted": {
    id: "Tempat tidur hanya diisi untuk rujukan yang diterima.",
    en: "A bed is given only for an accepted referral.",
  },
  "import.error.redirectPantiRequired": {
    id: "Rujukan yang dialihkan perlu kode panti tujuan pengalihan.",
    en: "A redirected referral needs the code of the panti it went to.",
  },
  "import.error.redirectOnlyRedirected": {
    id: "Panti pengalihan hanya diisi untuk rujukan yang dialihkan.",
    en: "The redirect panti is given only for a redirected referral.",
  },
  "import.error.mayNotDecide": {
    id: "Anda tidak boleh mencatat keputusan untuk panti ini.",
    en: "You may not record decisions for this panti.",
  },
  "import.error.tooLong": { id: "Paling banyak {max} huruf.", en: "At most {max} characters." },
  "import.decisions": {
    id: "Keputusan dalam berkas: {accepted} diterima, {declined} ditolak, {redirected} dialihkan. Rujukan ini tidak masuk antrean panti.",
    en: "Decisions in the file: {accepted} accepted, {declined} declined, {redirected} redirected. These referrals do not enter a panti's queue.",
  },
  "import.decisions.people": {
    id: "Orang yang sudah tercatat: {nik} dikenali dari NIK, {name} dari nama yang mirip; yang lain dicatat sebagai orang baru.",
    en: "People already on record: {nik} found by NIK, {name} by a similar name; the others are recorded as new people.",
  },
  "import.format.decision": {
    id: "diterima, ditolak atau dialihkan; kosong bila masih menunggu",
    en: "diterima (accepted), ditolak (declined) or dialihkan (redirected); empty while waiting",
  },
  "import.format.decidedAt": {
    id: "Tanggal masuk panti (diterima) atau tanggal keputusan",
    en: "Date of admission (accepted) or of the decision",
  },
  "import.format.bed": { id: "Label tempat tidur, mis. A-01 (atau Kamar / A-01)", en: "Bed label, e.g. A-01 (or Room / A-01)" },
  "import.field.decision": { id: "Keputusan panti", en: "Panti's decision" },
  "import.field.decidedAt": { id: "Tanggal masuk / keputusan", en: "Admission / decision date" },
  "import.field.bedLabel": { id: "Tempat tidur", en: "Bed" },
  "import.field.decisionReason": { id: "Alasan keputusan", en: "Reason for the decision" },
  "import.field.redirectPantiId": { id: "Dialihkan ke panti", en: "Redirected to panti" },

  // --- history checks ----------------------------------------------------------------------------
  "history.error.personOpenStay": {
    id: "Orang ini sedang tinggal di {panti} sejak {from}: tinggal lain tidak boleh bertumpang waktu.",
    en: "This person has been staying at {panti} since {from}: another stay may not overlap it.",
  },
  "history.error.personStayOverlap": {
    id: "Orang ini tinggal di {panti} dari {from} sampai {to}: tinggal ini bertumpang waktu.",
    en: "This person stayed at {panti} from {from} to {to}: this stay overlaps it.",
  },
  "history.error.personRowOverlap": {
    id: "Bertumpang waktu dengan tinggal orang yang sama di baris {other}.",
    en: "Overlaps the stay of the same person on row {other}.",
  },
  "history.error.bedTaken": {
    id: "Tempat tidur ini ditempati sejak {from} oleh penghuni lain.",
    en: "This bed has been held by another resident since {from}.",
  },
  "history.error.bedHeld": {
    id: "Tempat tidur ini ditempati penghuni lain dari {from} sampai {to}.",
    en: "This bed was held by another resident from {from} to {to}.",
  },
  "history.error.bedRowOverlap": {
    id: "Tempat tidur yang sama dipakai pada waktu yang sama di baris {other}.",
    en: "The same bed is used at the same time on row {other}.",
  },
  "history.error.unknownBed": {
    id: "Tempat tidur \"{label}\" tidak ada di panti ini.",
    en: "There is no bed \"{label}\" in this panti.",
  },
  "history.error.bedAmbiguous": {
    id: "Ada beberapa tempat tidur \"{label}\" (kamar {rooms}): tulis Kamar / label.",
    en: "Several beds are labelled \"{label}\" (rooms {rooms}): write Room / label.",
  },
} as const satisfies Record<string, { id: string; en: string }>;
