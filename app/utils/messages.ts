/**
 * UI messages: Bahasa Indonesia (`id`, the default) and English (`en`).
 * Keys are grouped by page or concept; `{name}` marks a parameter.
 */
import { apiMessages } from "./messages.api";
import { bodyMessages } from "./messages.body";
import { caseFileMessages } from "./messages.casefile";
import { dashboardMessages } from "./messages.dashboard";
import { periodMessages } from "./messages.period";
import { exitMessages } from "./messages.exits";
import { programmeMessages } from "./messages.programmes";
import { historyMessages } from "./messages.history";
import { importMessages } from "./messages.import";
import { measureMessages } from "./messages.measures";
import { placementMessages } from "./messages.placements";
import { provinceMessages } from "./messages.provinces";
import { safeguardingMessages } from "./messages.safeguarding";
import { handoffMessages } from "./messages.handoffs";
import { userMessages } from "./messages.users";
import { homeMessages } from "./messages.home";
import { auditMessages } from "./messages.audit";
import { approvalMessages } from "./messages.approvals";

type Messages = Record<string, { id: string; en: string }>;

export const coreMessages = {
  // --- application -------------------------------------------------------
  "app.name": { id: "Panti", en: "Panti" },
  "app.tagline": {
    id: "Sistem informasi panti sosial Dinas Sosial DKI Jakarta",
    en: "Social shelter information system of Dinas Sosial DKI Jakarta",
  },
  "nav.home": { id: "Beranda", en: "Home" },
  "nav.panti": { id: "Panti", en: "Shelters" },
  "nav.users": { id: "Pengguna", en: "Users" },
  "nav.admin": { id: "Administrasi", en: "Administration" },
  "nav.monitoring": { id: "Pemantauan", en: "Monitoring" },
  "nav.audit": { id: "Log audit", en: "Audit log" },
  "nav.password": { id: "Ganti kata sandi", en: "Change password" },
  "nav.signOut": { id: "Keluar", en: "Sign out" },
  "app.demoBanner": {
    id: "Data demo: orang dan akun di sini rekaan. Jangan memasukkan data sebenarnya.",
    en: "Demo data: the people and accounts here are invented. Do not enter real records.",
  },
  // --- page titles (the document title, with " — Panti") ----------------------
  "title.add_a_user": { id: "Tambah pengguna", en: "Add a user" },
  "title.api_tokens": { id: "Token API", en: "API tokens" },
  "title.assessment": { id: "Asesmen", en: "Assessment" },
  "title.attendance": { id: "Absensi", en: "Attendance" },
  "title.audit_log": { id: "Log audit", en: "Audit log" },
  "title.certificate": { id: "Sertifikat", en: "Certificate" },
  "title.change_password": { id: "Ganti kata sandi", en: "Change password" },
  "title.class": { id: "Kelas", en: "Class" },
  "title.class_participant": { id: "Peserta kelas", en: "Class participant" },
  "title.dashboard": { id: "Dasbor", en: "Dashboard" },
  "title.data_quality": { id: "Kualitas data", en: "Data quality" },
  "title.edit_a_partner_province": { id: "Ubah provinsi mitra", en: "Edit a partner province" },
  "title.exit": { id: "Terminasi", en: "Exit" },
  "title.family_tracing": { id: "Penelusuran keluarga", en: "Family tracing" },
  "title.follow_ups": { id: "Bimbingan lanjut", en: "Follow-ups" },
  "title.group_session": { id: "Sesi kelompok", en: "Group session" },
  "title.handover_record": { id: "Berita Acara Serah Terima", en: "Handover record" },
  "title.home": { id: "Beranda", en: "Home" },
  "title.identity_documents": { id: "Dokumen identitas", en: "Identity documents" },
  "title.intervention_plan": { id: "Rencana intervensi", en: "Intervention plan" },
  "title.move_a_resident": { id: "Pindahkan penghuni", en: "Move a resident" },
  "title.new_class": { id: "Kelas baru", en: "New class" },
  "title.new_referral": { id: "Rujukan baru", en: "New referral" },
  "title.partner_provinces": { id: "Provinsi mitra", en: "Partner provinces" },
  "title.programme_catalogue": { id: "Katalog program", en: "Programme catalogue" },
  "title.psychosocial_session": { id: "Sesi psikososial", en: "Psychosocial session" },
  "title.quarterly_report": { id: "Laporan triwulan", en: "Quarterly report" },
  "title.record_a_psychosocial_session": { id: "Catat sesi psikososial", en: "Record a psychosocial session" },
  "title.referrals": { id: "Rujukan", en: "Referrals" },
  "title.referrals_api": { id: "API Panti", en: "Panti API" },
  "title.rehabilitation_stages": { id: "Tahap rehabilitasi", en: "Rehabilitation stages" },
  "title.shelters": { id: "Daftar panti", en: "Shelters" },
  "title.sign_in": { id: "Masuk", en: "Sign in" },
  "title.stays": { id: "Daftar masa tinggal", en: "Stays" },
  "title.training_classes": { id: "Kelas pelatihan", en: "Training classes" },
  "title.training_history": { id: "Riwayat pelatihan", en: "Training history" },
  "title.upload_referrals": { id: "Unggah rujukan", en: "Upload referrals" },
  "title.users": { id: "Pengguna", en: "Users" },
  "nav.breadcrumb": { id: "Jejak halaman", en: "Breadcrumb" },
  "nav.skip": { id: "Lewati ke isi", en: "Skip to content" },
  "lang.switch": { id: "English", en: "Bahasa Indonesia" },
  "lang.label": { id: "Bahasa", en: "Language" },
  "common.save": { id: "Simpan", en: "Save" },
  "common.cancel": { id: "Batal", en: "Cancel" },
  "common.apply": { id: "Terapkan", en: "Apply" },
  "common.reset": { id: "Atur ulang", en: "Reset" },
  "common.all": { id: "Semua", en: "All" },
  "common.total": { id: "Total", en: "Total" },
  "common.yes": { id: "Ya", en: "Yes" },
  "common.no": { id: "Tidak", en: "No" },
  "common.none": { id: "Tidak ada", en: "None" },
  "common.actions": { id: "Tindakan", en: "Actions" },
  "common.back": { id: "Kembali", en: "Back" },
  "common.print": { id: "Cetak", en: "Print" },
  "common.estimated": { id: "perkiraan", en: "estimated" },
  "common.days": { id: "{n} hari", en: "{n, plural, one {# day} other {# days}}" },
  "common.saved": { id: "Tersimpan.", en: "Saved." },
  "common.showing": { id: "Menampilkan {shown} dari {total}", en: "Showing {shown} of {total}" },
  "common.previous": { id: "Sebelumnya", en: "Previous" },
  "common.pagination": { id: "Halaman", en: "Pages" },
  "common.pageOf": { id: "Halaman {page} dari {pages}", en: "Page {page} of {pages}" },
  "common.page": { id: "Halaman {page}", en: "Page {page}" },
  "common.moreThan": { id: "lebih dari {n}", en: "more than {n}" },
  "common.filters": { id: "Saring", en: "Filters" },
  "common.next": { id: "Berikutnya", en: "Next" },
  "common.search": { id: "Cari", en: "Search" },
  "common.status": { id: "Status", en: "Status" },
  "common.name": { id: "Nama", en: "Name" },
  "common.reason": { id: "Alasan", en: "Reason" },
  "common.date": { id: "Tanggal", en: "Date" },

  // --- errors -------------------------------------------------------------
  "error.required": { id: "Wajib diisi.", en: "Required." },
  "form.required": { id: "wajib diisi", en: "required" },
  "error.invalid": { id: "Isian tidak valid.", en: "Invalid value." },
  "error.number": { id: "Isi dengan angka.", en: "Enter a number." },
  "error.format": { id: "Format tidak sesuai.", en: "Wrong format." },
  "error.choose_option": { id: "Pilih salah satu pilihan.", en: "Choose one of the options." },
  "error.choose_one": { id: "Pilih paling sedikit satu.", en: "Choose at least one." },
  "error.min_length": { id: "Paling sedikit {min} karakter.", en: "At least {min} characters." },
  "error.max_length": { id: "Paling banyak {max} karakter.", en: "At most {max} characters." },
  "error.min_value": { id: "Paling kecil {min}.", en: "At least {min}." },
  "error.max_value": { id: "Paling besar {max}.", en: "At most {max}." },
  "error.form": { id: "Periksa isian yang ditandai.", en: "Check the marked fields." },
  "error.notFound.title": { id: "Halaman tidak ditemukan", en: "Page not found" },
  "error.notFound.body": {
    id: "Halaman atau data yang Anda cari tidak ada, atau bukan wewenang Anda.",
    en: "The page or record you are looking for does not exist, or is not yours to see.",
  },
  "error.forbidden.title": { id: "Akses ditolak", en: "Access denied" },
  "error.forbidden.body": {
    id: "Peran Anda tidak memiliki izin untuk halaman atau tindakan ini.",
    en: "Your role does not allow this page or action.",
  },
  "error.unexpected.title": { id: "Terjadi kesalahan", en: "Something went wrong" },
  "error.unexpected.body": {
    id: "Kesalahan tak terduga di server. Data Anda tidak berubah. Coba lagi, atau hubungi admin sistem.",
    en: "An unexpected server error. Nothing was changed. Try again, or contact the system administrator.",
  },
  "error.stale": {
    id: "Data ini baru saja diubah orang lain. Muat ulang halaman dan periksa kembali.",
    en: "Someone else just changed this. Reload the page and check again.",
  },

  // --- sign-in ---------------------------------------------------------------
  "login.title": { id: "Masuk", en: "Sign in" },
  "login.intro": {
    id: "Masuk dengan akun yang diberikan admin Dinas Sosial.",
    en: "Sign in with the account given to you by the Dinas Sosial administrator.",
  },
  "login.username": { id: "Nama pengguna", en: "Username" },
  "login.password": { id: "Kata sandi", en: "Password" },
  "login.submit": { id: "Masuk", en: "Sign in" },
  "login.invalid": {
    id: "Nama pengguna atau kata sandi salah.",
    en: "Wrong username or password.",
  },
  "login.throttled": {
    id: "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {wait} (pukul {time}). Lupa kata sandi? Minta admin Dinas Sosial mengatur ulang.",
    en: "Too many failed sign-in attempts. Try again in {wait} (at {time}). Forgot your password? Ask the Dinas Sosial administrator to reset it.",
  },
  "login.confidential": {
    id: "Data dalam sistem ini bersifat pribadi dan rahasia. Setiap akses dicatat.",
    en: "The data in this system is personal and confidential. Every access is logged.",
  },

  // --- roles ------------------------------------------------------------------
  "role.dinsos_admin": { id: "Admin Dinsos", en: "Dinsos administrator" },
  "role.dinsos_viewer": { id: "Analis Dinsos", en: "Dinsos analyst" },
  "role.panti_admin": { id: "Admin panti", en: "Panti administrator" },
  "role.instructor": { id: "Instruktur", en: "Instructor" },
  "role.psychosocial": { id: "Petugas psikososial", en: "Psychosocial staff" },
  "role.outreach": { id: "Petugas P3S", en: "Outreach officer" },

  // --- panti types and vocabularies -----------------------------------------
  "pantiType.intake": { id: "Bina Insan (penampungan sementara)", en: "Intake (temporary shelter)" },
  "pantiType.children": { id: "Asuhan anak", en: "Children" },
  "pantiType.youth": { id: "Bina remaja", en: "Youth" },
  "pantiType.elderly": { id: "Tresna werdha (lansia)", en: "Elderly" },
  "pantiType.disability": { id: "Disabilitas", en: "Disability" },
  "pantiType.mental": { id: "Bina laras (ODGJ)", en: "Mental health" },
  "pantiType.drug_rehab": { id: "Pamardi putra (NAPZA)", en: "Drug rehabilitation" },
  "pantiType.homeless": { id: "Bina karya (gelandangan dan pengemis)", en: "Homeless and beggars" },
  "pantiType.women": { id: "Perlindungan perempuan", en: "Women's protection" },
  "pantiType.violence_victims": { id: "Perlindungan korban kekerasan", en: "Victims of violence" },
  "pantiKind.upt": { id: "UPT Dinsos", en: "Dinsos unit (UPT)" },
  "pantiKind.lks_mitra": { id: "LKS mitra", en: "Partner institution" },
  "sex.male": { id: "Laki-laki", en: "Male" },
  "sex.female": { id: "Perempuan", en: "Female" },
  "roomSex.male": { id: "Laki-laki", en: "Male" },
  "roomSex.female": { id: "Perempuan", en: "Female" },
  "roomSex.mixed": { id: "Campur", en: "Mixed" },
  "bedStatus.available": { id: "Dapat dipakai", en: "In service" },
  "bedStatus.out_of_service": { id: "Tidak dapat dipakai", en: "Out of service" },
  "kota.outside": { id: "Luar DKI", en: "Outside DKI" },

  // --- home -------------------------------------------------------------------
  "home.title": { id: "Beranda", en: "Home" },
  "home.greeting": { id: "Selamat datang, {name}", en: "Welcome, {name}" },
  "home.network": { id: "Jaringan panti DKI Jakarta", en: "DKI Jakarta shelter network" },
  "home.pantiCount": { id: "Panti aktif", en: "Active shelters" },
  "home.overCapacityCount": { id: "Panti melebihi kapasitas", en: "Shelters over capacity" },
  "home.mostCrowded": { id: "Paling padat", en: "Most crowded" },
  "home.seeAll": { id: "Lihat semua panti", en: "See all shelters" },
  "home.yourPanti": { id: "Panti Anda", en: "Your shelter" },
  "home.openBedBoard": { id: "Buka papan tempat tidur", en: "Open the bed board" },
  "home.freeBeds": { id: "Panti dengan tempat tidur kosong", en: "Shelters with free beds" },
  "home.noPanti": {
    id: "Akun Anda belum dikaitkan dengan panti. Hubungi admin Dinsos.",
    en: "Your account is not linked to a shelter yet. Contact the Dinsos administrator.",
  },

  // --- occupancy --------------------------------------------------------------
  "occ.capacity": { id: "Kapasitas", en: "Capacity" },
  "occ.census": { id: "Penghuni", en: "Residents" },
  "occ.occupied": { id: "Tempat tidur terisi", en: "Beds occupied" },
  "occ.available": { id: "Tempat tidur kosong", en: "Beds free" },
  "occ.overflow": { id: "Di luar kapasitas", en: "Overflow" },
  "occ.occupancy": { id: "Tingkat hunian", en: "Occupancy" },
  "occ.outOfService": { id: "Tidak dapat dipakai", en: "Out of service" },
  "occ.overCapacity": { id: "Melebihi kapasitas", en: "Over capacity" },
  "occ.full": { id: "Penuh", en: "Full" },
  "occ.help": {
    id: "Kapasitas = tempat tidur reguler yang dapat dipakai. Di luar kapasitas = penghuni di kasur tambahan atau belum mendapat tempat tidur. Tingkat hunian = penghuni ÷ kapasitas.",
    en: "Capacity = regular beds in service. Overflow = residents on extra mattresses or without a bed yet. Occupancy = residents ÷ capacity.",
  },
  "occ.declared": { id: "Kapasitas resmi {n}", en: "Declared capacity {n}" },

  // --- panti list ---------------------------------------------------------------
  "panti.list.title": { id: "Daftar panti", en: "Shelters" },
  "panti.list.intro": {
    id: "Kapasitas dan hunian setiap panti saat ini, dihitung langsung dari tempat tidur dan penghuni.",
    en: "Current capacity and occupancy of every shelter, computed live from beds and residents.",
  },
  "panti.col.name": { id: "Panti", en: "Shelter" },
  "panti.col.type": { id: "Jenis", en: "Type" },
  "panti.col.kota": { id: "Kota", en: "City" },
  "panti.filter.type": { id: "Jenis panti", en: "Shelter type" },
  "panti.filter.kota": { id: "Kota", en: "City" },
  "panti.filter.overOnly": { id: "Hanya yang melebihi kapasitas", en: "Over capacity only" },
  "panti.sort": { id: "Urutkan", en: "Sort by" },
  "panti.sort.name": { id: "Nama", en: "Name" },
  "panti.sort.occupancy": { id: "Tingkat hunian tertinggi", en: "Highest occupancy" },
  "panti.sort.overflow": { id: "Paling banyak di luar kapasitas", en: "Most overflow" },
  "panti.sort.available": { id: "Paling banyak tempat kosong", en: "Most free beds" },
  "panti.list.empty": { id: "Tidak ada panti yang cocok dengan saringan.", en: "No shelter matches the filters." },

  // --- panti page ---------------------------------------------------------------
  "panti.address": { id: "Alamat", en: "Address" },
  "panti.targetGroup": { id: "Sasaran", en: "Target group" },
  "panti.rooms": { id: "Ruang dan tempat tidur", en: "Rooms and beds" },
  "panti.bedBoard": { id: "Papan tempat tidur", en: "Bed board" },
  "panti.room.beds": { id: "{n} tempat tidur", en: "{n, plural, one {# bed} other {# beds}}" },
  "panti.room.overflowRoom": { id: "tempat tambahan", en: "extra places" },
  "panti.room.choose": { id: "Pilih ruang", en: "Choose a room" },
  "panti.room.free": { id: "{n} kosong", en: "{n} free" },
  "panti.room.out": { id: "{n} tidak dapat dipakai", en: "{n} out of service" },
  "panti.room.exitPending": {
    id: "{n} terminasi menunggu",
    en: "{n, plural, one {# exit pending} other {# exits pending}}",
  },
  "panti.room.none": { id: "Panti ini belum punya ruang.", en: "This shelter has no rooms yet." },
  "panti.room.empty": { id: "Ruang ini belum punya tempat tidur.", en: "This room has no beds yet." },
  "panti.room.noneShown": { id: "Tidak ada tempat tidur seperti itu di ruang ini.", en: "No such beds in this room." },
  "panti.search.label": { id: "Cari penghuni atau tempat tidur", en: "Find a resident or a bed" },
  "panti.search.placeholder": { id: "Nama, NIK, label", en: "Name, NIK, label" },
  "panti.search.clear": { id: "Hapus pencarian", en: "Clear the search" },
  "panti.search.results": { id: "Hasil pencarian “{q}”", en: "Found for “{q}”" },
  "panti.search.none": {
    id: "Tidak ada penghuni atau tempat tidur yang cocok di panti ini.",
    en: "No resident or bed of this shelter matches.",
  },
  "panti.search.more": {
    id: "Hanya {n} hasil pertama yang ditampilkan; perjelas pencarian.",
    en: "Only the first {n} are shown; narrow the search.",
  },
  "panti.bed.free": { id: "Kosong", en: "Free" },
  "panti.bed.since": { id: "sejak {date}", en: "since {date}" },
  "panti.bed.overflow": { id: "Kasur tambahan", en: "Extra mattress" },
  "panti.bed.outOfService": { id: "Tidak dapat dipakai", en: "Out of service" },
  "panti.bed.takeOut": { id: "Nonaktifkan", en: "Take out of service" },
  "panti.bed.putBack": { id: "Aktifkan kembali", en: "Put back in service" },
  "panti.bed.reason": { id: "Alasan", en: "Reason" },
  "panti.bed.unidentified": { id: "Belum teridentifikasi", en: "Unidentified" },
  "panti.noBed.title": { id: "Penghuni tanpa tempat tidur", en: "Residents without a bed" },
  "panti.noBed.intro": {
    id: "Penghuni dengan masa tinggal aktif yang belum mendapat tempat tidur.",
    en: "Residents with an open stay who have no bed yet.",
  },
  "panti.legend": { id: "Keterangan", en: "Legend" },
  "panti.filterBeds": { id: "Tampilkan", en: "Show" },
  "panti.filterBeds.all": { id: "Semua tempat tidur", en: "All beds" },
  "panti.filterBeds.free": { id: "Yang kosong", en: "Free beds" },
  "panti.filterBeds.occupied": { id: "Yang terisi", en: "Occupied beds" },
  "panti.filterBeds.out": { id: "Tidak dapat dipakai", en: "Out of service" },
  "panti.addRoom.title": { id: "Tambah ruang", en: "Add a room" },
  "panti.addRoom.name": { id: "Nama ruang", en: "Room name" },
  "panti.addRoom.sex": { id: "Untuk", en: "For" },
  "panti.addRoom.bedCount": { id: "Jumlah tempat tidur", en: "Number of beds" },
  "panti.addRoom.labelPrefix": { id: "Awalan label tempat tidur", en: "Bed label prefix" },
  "panti.addRoom.overflow": { id: "Tempat tambahan (di luar kapasitas)", en: "Extra places (beyond capacity)" },
  "panti.addRoom.submit": { id: "Tambah ruang", en: "Add room" },
  "panti.addRoom.done": { id: "Ruang {name} ditambahkan dengan {n} tempat tidur.", en: "Room {name} added with {n, plural, one {# bed} other {# beds}}." },
  "panti.addBeds.title": { id: "Tambah tempat tidur", en: "Add beds" },
  "panti.addBeds.room": { id: "Ruang", en: "Room" },
  "panti.addBeds.submit": { id: "Tambah", en: "Add" },
  "panti.addBeds.done": { id: "{n} tempat tidur ditambahkan ke {room}.", en: "{n, plural, one {# bed} other {# beds}} added to {room}." },
  "panti.residents": { id: "Daftar penghuni", en: "Residents" },
  "panti.sessions": { id: "Layanan psikososial", en: "Psychosocial sessions" },
  "panti.manage": { id: "Kelola ruang dan tempat tidur", en: "Manage rooms and beds" },
  "panti.bedStatus.done": { id: "Status tempat tidur {label} diperbarui.", en: "Bed {label} updated." },

  "bed.error.occupied": {
    id: "Tempat tidur {label} sedang dipakai penghuni; pindahkan penghuni dulu.",
    en: "Bed {label} holds a resident; move them first.",
  },
  "bed.error.sameStatus": {
    id: "Tempat tidur {label} sudah berstatus itu. Muat ulang halaman.",
    en: "Bed {label} already has that status. Reload the page.",
  },
  "bed.error.reasonRequired": {
    id: "Tulis alasan (paling sedikit 3 karakter).",
    en: "Give a reason (at least 3 characters).",
  },
  "bed.error.prefix": { id: "Hanya huruf dan angka.", en: "Letters and digits only." },
  "room.error.nameTaken": { id: "Nama ruang ini sudah dipakai di panti ini.", en: "This room name is already used in this shelter." },
  "room.error.sexOfPanti.male": {
    id: "Panti ini hanya menerima laki-laki.",
    en: "This shelter only takes male residents.",
  },
  "room.error.sexOfPanti.female": {
    id: "Panti ini hanya menerima perempuan.",
    en: "This shelter only takes female residents.",
  },

} as const satisfies Messages;

export const messages = {
  ...coreMessages,
  ...userMessages,
  ...placementMessages,
  ...importMessages,
  ...historyMessages,
  ...apiMessages,
  ...exitMessages,
  ...programmeMessages,
  ...caseFileMessages,
  ...dashboardMessages,
  ...periodMessages,
  ...bodyMessages,
  ...provinceMessages,
  ...measureMessages,
  ...homeMessages,
  ...auditMessages,
  ...safeguardingMessages,
  ...handoffMessages,
  ...approvalMessages,
} as const satisfies Messages;

export type MessageKey = keyof typeof messages;
