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

  "history.error.otherPanti": {
    id: "Anda tidak boleh mencatat tinggal di panti ini.",
    en: "You may not record stays in this panti.",
  },
  "history.error.exitMissing": {
    id: "Kolom keluar hanya diisi bila ada tanggal keluar dan hasil keluar.",
    en: "Exit columns are filled only with an exit date and outcome.",
  },
  "history.error.outcome": {
    id: "Hasil keluar \"{value}\" tidak dikenal. Tulis kode atau nama dari daftar hasil keluar, atau: {spellings}.",
    en: "Unknown exit outcome \"{value}\". Write a code or name from the list of outcomes, or: {spellings}.",
  },
  "history.error.stage": {
    id: "Tahap \"{value}\" tidak dikenal. Tulis kode atau nama tahap rehabilitasi.",
    en: "Unknown stage \"{value}\". Write a rehabilitation stage's code or name.",
  },
  "history.error.province": { id: "Provinsi \"{value}\" tidak dikenal.", en: "Unknown province \"{value}\"." },
  "history.error.transport": {
    id: "Transportasi \"{value}\" tidak dikenal. Tulis salah satu: {options} (atau bus, kereta, kapal, pesawat, mobil).",
    en: "Unknown transport \"{value}\". Write one of: {options}.",
  },
  "history.error.documents": {
    id: "Dokumen tidak dikenal: {value}. Tulis KTP, KK, Surat RT/RW, Surat kelurahan, Surat pernyataan (pisahkan dengan ;).",
    en: "Unknown documents: {value}. Write KTP, KK, Surat RT/RW, Surat kelurahan, Surat pernyataan (separated by ;).",
  },
  "history.error.changed": {
    id: "Data berubah sejak pemeriksaan (baris {row}: panti, tempat tidur atau riwayat orangnya). Tidak ada yang diimpor; unggah ulang berkas.",
    en: "Things changed since the check (row {row}: the panti, the bed or the person's history). Nothing was imported; upload the file again.",
  },

  // --- the stays upload page -----------------------------------------------------------------------
  "stays.import.title": { id: "Unggah riwayat tinggal dari berkas", en: "Upload past stays from a file" },
  "stays.import.intro": {
    id: "Pindahkan riwayat penghuni dari spreadsheet: tiap baris satu kali tinggal (masuk, tahap, keluar dan hasilnya). Orang yang sudah tercatat dikenali dari NIK atau nama yang mirip. Berkas diperiksa dulu; bila ada satu baris saja yang salah, tidak ada yang diimpor.",
    en: "Move residents' history from spreadsheets: each row is one stay (admission, stage, exit and its outcome). People already on record are found by NIK or a similar name. The file is checked first; if any row is wrong, nothing is imported.",
  },
  "stays.import.limits": {
    id: "Paling banyak {rows} baris data dan 5 MB per berkas. Baris 1 berisi judul kolom; baris kosong dilewati.",
    en: "At most {rows} data rows and 5 MB per file. Row 1 holds the column names; blank rows are skipped.",
  },
  "stays.import.ready": {
    id: "Semua {n} baris benar dan siap diimpor sebagai riwayat tinggal.",
    en: "All {n, plural, one {# row} other {# rows}} are valid and ready to be imported as past stays.",
  },
  "stays.import.people": {
    id: "Orang: {nik} dikenali dari NIK, {name} dari nama yang mirip, {new} orang baru. {exits} baris dengan tanggal keluar; tindak lanjut hanya dijadwalkan untuk keluar yang belum lewat masa tindak lanjut.",
    en: "People: {nik} found by NIK, {name} by a similar name, {new} new. {exits} rows with an exit; follow-ups are scheduled only for exits still within the follow-up window.",
  },
  "stays.import.import": { id: "Impor {n} riwayat tinggal", en: "Import {n, plural, one {# stay} other {# stays}}" },
  "stays.import.done": {
    id: "{n} riwayat tinggal dari {file} telah diimpor.",
    en: "{n, plural, one {# stay} other {# stays}} from {file} were imported.",
  },
  "stays.import.template.body": {
    id: "Isi satu baris per kali tinggal. Kolom keluar diisi sesuai hasil keluar, seperti pada formulir keluar: keluarga (nama, hubungan, alamat, dokumen KTP, KK, surat pernyataan) untuk dikembalikan ke keluarga, provinsi, kota dan transportasi untuk dipulangkan, panti penerima dan catatan untuk dirujuk ke panti lain, nama lembaga untuk rumah sakit atau lembaga lain.",
    en: "Fill one row per stay. Fill the exit columns the outcome needs, as on the exit form: the family (name, relation, address, documents KTP, KK, signed statement) for returned to family; province, city and transport for repatriated; receiving panti and notes for transferred; the institution for hospital or another institution.",
  },
  "stays.field.pantiId": { id: "Panti", en: "Panti" },
  "stays.field.admittedAt": { id: "Tanggal masuk", en: "Admission date" },
  "stays.field.bedLabel": { id: "Tempat tidur", en: "Bed" },
  "stays.field.stage": { id: "Tahap rehabilitasi", en: "Rehabilitation stage" },
  "stays.field.exitedAt": { id: "Tanggal keluar", en: "Exit date" },
  "stays.field.outcome": { id: "Hasil keluar", en: "Exit outcome" },
  "stays.field.familyName": { id: "Nama keluarga penjemput", en: "Family member's name" },
  "stays.field.familyRelation": { id: "Hubungan keluarga", en: "Family relation" },
  "stays.field.familyAddress": { id: "Alamat keluarga", en: "Family address" },
  "stays.field.familyPhone": { id: "Telepon keluarga", en: "Family phone" },
  "stays.field.documents": { id: "Dokumen keluarga", en: "Family documents" },
  "stays.field.province": { id: "Provinsi tujuan pemulangan", en: "Province of repatriation" },
  "stays.field.city": { id: "Kota tujuan pemulangan", en: "City of repatriation" },
  "stays.field.transport": { id: "Transportasi", en: "Transport" },
  "stays.field.escort": { id: "Pendamping", en: "Escort" },
  "stays.field.toPantiId": { id: "Panti penerima (dirujuk)", en: "Receiving panti (transfer)" },
  "stays.field.institutionName": { id: "Nama lembaga / rumah sakit", en: "Institution or hospital" },
  "stays.field.address": { id: "Alamat tujuan", en: "Destination address" },
  "stays.field.notes": { id: "Catatan keluar", en: "Exit notes" },
} as const satisfies Record<string, { id: string; en: string }>;
