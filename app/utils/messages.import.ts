/** Messages: Batch upload of referrals (CSV / XLSX) (see messages.ts). */
export const importMessages = {
  // --- page --------------------------------------------------------------------------
  "import.title": { id: "Unggah rujukan dari berkas", en: "Upload referrals from a file" },
  "import.intro": {
    id: "Unggah berkas CSV atau XLSX berisi banyak rujukan sekaligus. Berkas diperiksa dulu; bila ada satu baris saja yang salah, tidak ada yang diimpor: perbaiki berkasnya lalu unggah ulang.",
    en: "Upload a CSV or XLSX file with many referrals at once. The file is checked first; if any row is wrong, nothing is imported: fix the file and upload it again.",
  },
  "import.limits": {
    id: "Paling banyak {rows} baris data dan 5 MB per berkas. Baris 1 berisi judul kolom; baris kosong dilewati.",
    en: "At most {rows} data rows and 5 MB per file. Row 1 holds the column names; blank rows are skipped.",
  },
  "import.template.title": { id: "Templat", en: "Template" },
  "import.template.body": {
    id: "Unduh templat dengan judul kolom dan satu baris contoh (hapus baris contoh sebelum mengunggah). Judul kolom dalam bahasa Indonesia atau Inggris diterima.",
    en: "Download a template with the column names and one example row (delete the example before uploading). Column names in Indonesian or English are accepted.",
  },
  "import.template.csv": { id: "Templat CSV", en: "CSV template" },
  "import.template.xlsx": { id: "Templat XLSX (Excel)", en: "XLSX (Excel) template" },
  "import.columns.title": { id: "Kolom yang dikenali", en: "Recognised columns" },
  "import.columns.name": { id: "Kolom", en: "Column" },
  "import.columns.english": { id: "Nama Inggris", en: "English name" },
  "import.columns.meaning": { id: "Isi", en: "Content" },
  "import.columns.required": { id: "Wajib", en: "Required" },
  "import.columns.format": { id: "Format", en: "Format" },
  "import.format.unit": { id: "Kode unit, mis. sudin_jakbar", en: "Unit code, e.g. sudin_jakbar" },
  "import.format.datetime": {
    id: "Jam WIB: 2026-03-02 21:15, 02/03/2026 21.15, 2 Maret 2026 21.15 atau sel tanggal Excel; tanggal tanpa jam dicatat 00:00 WIB",
    en: "WIB time: 2026-03-02 21:15, 02/03/2026 21.15, 2 Maret 2026 21.15 or an Excel date cell; a date without a time is recorded as 00:00 WIB",
  },
  "import.format.date": { id: "1980-05-15, 15/05/1980 atau 15 Mei 1980", en: "1980-05-15, 15/05/1980 or 15 Mei 1980" },
  "import.format.reach": { id: "Kode atau nama, mis. patrol / patroli, atau Razia / Operasi", en: "Code or name, e.g. patrol, or Razia / Operasi" },
  "import.format.yesNo": { id: "ya / tidak", en: "yes / no" },
  "import.format.sex": { id: "L / P", en: "L / P (male / female)" },
  "import.format.nik": { id: "16 angka, sel berformat Teks", en: "16 digits, in a cell formatted as Text" },
  "import.format.category": {
    id: "Kode atau nama kategori, mis. gelandangan, atau sebutan di tabel di bawah (ODGJ, Pengamen …)",
    en: "Category code or name, e.g. gelandangan, or a name in the table below (ODGJ, Pengamen …)",
  },
  "import.format.disability": { id: "Kode dipisah ; mis. fisik; mental", en: "Codes separated by ; e.g. fisik; mental" },
  "import.format.panti": { id: "Kode panti, mis. PSBI-BD1", en: "Panti code, e.g. PSBI-BD1" },
  "import.format.kota": { id: "Nama kota di DKI, mis. Jakarta Barat", en: "City in DKI, e.g. Jakarta Barat" },

  // --- upload form -----------------------------------------------------------------------
  "import.upload.title": { id: "Unggah berkas", en: "Upload a file" },
  "import.file": { id: "Berkas (CSV atau XLSX)", en: "File (CSV or XLSX)" },
  "import.unit": { id: "Unit P3S", en: "Outreach unit" },
  "import.unit.fromFile": { id: "— dari kolom unit_p3s —", en: "— from the unit_p3s column —" },
  "import.unit.hint": {
    id: "Dipakai untuk baris yang kolom unit_p3s-nya kosong.",
    en: "Used for rows whose unit_p3s cell is empty.",
  },
  "import.unit.own": { id: "Rujukan atas nama {unit}.", en: "Referrals on behalf of {unit}." },
  "import.upload.submit": { id: "Periksa berkas", en: "Check the file" },
  "import.upload.busy": { id: "Memeriksa…", en: "Checking…" },

  // --- preview ------------------------------------------------------------------------------
  "import.preview.title": { id: "Hasil pemeriksaan: {file}", en: "Check result: {file}" },
  "import.count.rows": { id: "Baris data", en: "Data rows" },
  "import.count.valid": { id: "Baris benar", en: "Valid rows" },
  "import.count.invalid": { id: "Baris salah", en: "Invalid rows" },
  "import.count.errors": { id: "Kesalahan", en: "Errors" },
  "import.unknownColumns": {
    id: "Kolom ini tidak dikenali dan diabaikan: {columns}.",
    en: "These columns are not recognised and are ignored: {columns}.",
  },
  "import.mapped.title": { id: "Isian yang dibaca sebagai nilai lain", en: "Values read as something else" },
  "import.mapped.intro": {
    id: "Periksa sebelum mengimpor: tiap isian berbeda di kolom ini diubah menjadi nilai di sebelah kanan.",
    en: "Check before importing: each distinct value in these columns was read as the value on the right.",
  },
  "import.mapped.from": { id: "Isian di berkas", en: "Value in the file" },
  "import.mapped.to": { id: "Dibaca sebagai", en: "Read as" },
  "import.mapped.rows": { id: "Baris", en: "Rows" },
  "import.mapped.example": { id: "mis. {value}", en: "e.g. {value}" },
  "import.mapped.noTime": { id: "jam tidak diisi", en: "no time given" },
  "import.mapped.plus": { id: "{category} + {disability}", en: "{category} + {disability}" },
  "import.spellings.title": { id: "Sebutan yang dipetakan", en: "Names that are mapped" },
  "import.spellings.name": { id: "Sebutan di berkas", en: "Name in the file" },
  "import.spellings.becomes": { id: "Dicatat sebagai", en: "Recorded as" },
  "import.column.unnamed": { id: "(kolom {column} tanpa judul)", en: "(column {column}, no name)" },
  "import.rejected": {
    id: "Berkas ditolak: {rows} baris bermasalah. Tidak ada yang diimpor. Perbaiki baris-baris di bawah pada berkas, lalu unggah ulang.",
    en: "File refused: {rows} rows have problems. Nothing was imported. Fix the rows below in the file, then upload it again.",
  },
  "import.errors.title": { id: "Baris yang harus diperbaiki", en: "Rows to fix" },
  "import.errors.row": { id: "Baris", en: "Row" },
  "import.errors.column": { id: "Kolom", en: "Column" },
  "import.errors.message": { id: "Masalah", en: "Problem" },
  "import.ready": {
    id: "Semua {n} baris benar dan siap diimpor sebagai rujukan baru.",
    en: "All {n, plural, one {# row} other {# rows}} are valid and ready to be imported as new referrals.",
  },
  "import.import": { id: "Impor {n} rujukan", en: "Import {n, plural, one {# referral} other {# referrals}}" },
  "import.discard": { id: "Batalkan", en: "Discard" },
  "import.done": { id: "{n} rujukan dari {file} telah diimpor.", en: "{n, plural, one {# referral} other {# referrals}} from {file} were imported." },
  "import.done.link": { id: "Lihat daftar rujukan", en: "See the referrals" },
  "import.discarded": { id: "Pratinjau {file} dibatalkan; tidak ada yang diimpor.", en: "Preview of {file} discarded; nothing was imported." },
  "import.another": { id: "Unggah berkas lain", en: "Upload another file" },

  // --- file problems ---------------------------------------------------------------------------
  "import.error.noFile": { id: "Pilih berkas CSV atau XLSX.", en: "Choose a CSV or XLSX file." },
  "import.error.tooLarge": {
    id: "Berkas lebih besar dari 5 MB. Bagi menjadi beberapa berkas.",
    en: "The file is larger than 5 MB. Split it into several files.",
  },
  "import.error.tooManyRows": {
    id: "Berkas berisi lebih dari {max} baris data. Bagi menjadi beberapa berkas.",
    en: "The file has more than {max} data rows. Split it into several files.",
  },
  "import.error.empty": { id: "Berkas tidak berisi baris data di bawah judul kolom.", en: "The file has no data rows below the column names." },
  "import.error.noHeader": {
    id: "Baris 1 harus berisi judul kolom (unduh templat untuk contohnya).",
    en: "Row 1 must hold the column names (download the template for an example).",
  },
  "import.error.missingColumns": { id: "Kolom wajib tidak ada: {columns}.", en: "Required columns are missing: {columns}." },
  "import.error.duplicateColumns": {
    id: "Beberapa kolom berarti hal yang sama; pakai salah satu saja: {columns}.",
    en: "Several columns mean the same thing; keep only one: {columns}.",
  },
  "import.error.csv": {
    id: "Berkas CSV rusak di baris {line} (periksa tanda kutip).",
    en: "The CSV file is broken at line {line} (check the quotes).",
  },
  "import.error.xlsx": {
    id: "Berkas XLSX tidak dapat dibaca. Simpan ulang dari Excel sebagai .xlsx atau CSV.",
    en: "The XLSX file cannot be read. Save it again from Excel as .xlsx or CSV.",
  },
  "import.error.unpacked": {
    id: "Berkas XLSX terlalu besar setelah dibuka (lebih dari {max} MB isi). Simpan ulang hanya lembar datanya, atau bagi menjadi beberapa berkas.",
    en: "The XLSX file is too large once unpacked (over {max} MB of content). Save only the data sheet again, or split it into several files.",
  },
  "import.error.tooManyCells": {
    id: "Lembar kerja berisi lebih dari {max} sel berisi isian. Bagi menjadi beberapa berkas.",
    en: "The worksheet holds more than {max} cells with a value. Split it into several files.",
  },
  "import.error.tooManyColumns": {
    id: "Lembar kerja berisi isian di luar kolom ke-{max}. Hapus kolom yang tidak dipakai.",
    en: "The worksheet holds values beyond column {max}. Delete the columns that are not used.",
  },
  "import.error.cellTooLong": {
    id: "Sel {cell} berisi lebih dari {max} karakter.",
    en: "Cell {cell} holds more than {max} characters.",
  },
  "import.error.xls": {
    id: "Format .xls lama tidak didukung. Simpan sebagai .xlsx atau CSV.",
    en: "The old .xls format is not supported. Save as .xlsx or CSV.",
  },
  "import.error.format": { id: "Hanya berkas CSV atau XLSX.", en: "Only CSV or XLSX files." },

  // --- row problems ------------------------------------------------------------------------------
  "import.error.extraCells": {
    id: "Ada isian di kolom {column} yang tidak berjudul (tanda pemisah di dalam isian? beri tanda kutip).",
    en: "There is a value in column {column}, which has no name (a separator inside a value? quote it).",
  },
  "import.error.nikAsNumber": {
    id: "NIK/KK tersimpan sebagai angka sehingga digit terakhir bisa hilang. Format kolom sebagai Teks lalu ketik ulang.",
    en: "The NIK/KK was stored as a number, so its last digits may be lost. Format the column as Text and type it again.",
  },
  "import.error.longNumber": {
    id: "Angka panjang tersimpan sebagai angka dan bisa berubah. Format kolom sebagai Teks.",
    en: "A long number was stored as a number and may have changed. Format the column as Text.",
  },
  "import.error.unit": {
    id: "Unit P3S tidak dikenal: \"{value}\". Pakai kode seperti sudin_jakbar.",
    en: "Unknown outreach unit: \"{value}\". Use a code such as sudin_jakbar.",
  },
  "import.error.datetime": {
    id: "Waktu tidak terbaca: \"{value}\". Tulis tanggal dan jam WIB, mis. 2026-03-02 21:15, 02/03/2026 21.15 atau 2 Maret 2026 21.15 (tanpa jam: dicatat 00:00 WIB).",
    en: "Unreadable time: \"{value}\". Write the date and WIB time, e.g. 2026-03-02 21:15, 02/03/2026 21.15 or 2 Maret 2026 21.15 (without a time: recorded as 00:00 WIB).",
  },
  "import.error.date": {
    id: "Tanggal tidak terbaca: \"{value}\". Tulis mis. 1980-05-15, 15/05/1980 atau 15 Mei 1980.",
    en: "Unreadable date: \"{value}\". Write e.g. 1980-05-15, 15/05/1980 or 15 Mei 1980.",
  },
  "import.error.kota": {
    id: "Kota tidak dikenal: \"{value}\". Pilih salah satu: {options}.",
    en: "Unknown city: \"{value}\". Use one of: {options}.",
  },
  "import.error.reachMethod": {
    id: "Cara penjangkauan tidak dikenal: \"{value}\". Pakai salah satu: {options}.",
    en: "Unknown reach method: \"{value}\". Use one of: {options}.",
  },
  "import.error.yesNo": { id: "Isi ya atau tidak (bukan \"{value}\").", en: "Write yes or no (not \"{value}\")." },
  "import.error.sex": {
    id: "Jenis kelamin tidak dikenal: \"{value}\". Isi L atau P.",
    en: "Unknown sex: \"{value}\". Write L or P (male or female).",
  },
  "import.error.category": {
    id: "Kategori PPKS tidak dikenal: \"{value}\". Pakai kode (mis. gelandangan) atau nama kategori, atau salah satu sebutan yang dikenali: {spellings}.",
    en: "Unknown PPKS category: \"{value}\". Use the code (e.g. gelandangan) or the category name, or one of the recognised names: {spellings}.",
  },
  "import.error.disability": {
    id: "Ragam disabilitas tidak dikenal: {value}. Pakai fisik, intelektual, mental, sensorik atau ganda.",
    en: "Unknown disability: {value}. Use fisik, intelektual, mental, sensorik or ganda.",
  },
  "import.error.pantiCode": {
    id: "Kode panti tidak dikenal atau panti tidak aktif: \"{value}\".",
    en: "Unknown panti code, or the panti is not active: \"{value}\".",
  },
  "import.error.refRepeated": {
    id: "Nomor rujukan {ref} sudah dipakai di baris {row} berkas ini.",
    en: "Reference {ref} is already used on row {row} of this file.",
  },
  "import.error.refExists": {
    id: "Nomor rujukan {ref} sudah dipakai unit ini (rujukan #{id}).",
    en: "This unit has already used reference {ref} (referral #{id}).",
  },

  // --- importing --------------------------------------------------------------------------------
  "import.error.hasErrors": {
    id: "Berkas ini punya {n} kesalahan, jadi tidak dapat diimpor. Perbaiki berkas lalu unggah ulang.",
    en: "This file has {n, plural, one {# error} other {# errors}}, so it cannot be imported. Fix the file and upload it again.",
  },
  "import.error.alreadyImported": { id: "Berkas ini sudah diimpor.", en: "This file has already been imported." },
  "import.error.discarded": {
    id: "Pratinjau ini sudah dibatalkan. Unggah ulang berkasnya.",
    en: "This preview was discarded. Upload the file again.",
  },
  "import.error.changed": {
    id: "Data berubah sejak pemeriksaan (baris {row}: panti tidak aktif lagi atau nomor rujukan sudah dipakai). Tidak ada yang diimpor; unggah ulang berkas.",
    en: "Things changed since the check (row {row}: the panti is no longer active or the reference was used meanwhile). Nothing was imported; upload the file again.",
  },
} as const satisfies Record<string, { id: string; en: string }>;
