/** Messages of user management, password change and the audit log (see messages.ts). */
export const userMessages = {
  // --- users -----------------------------------------------------------------------
  "users.title": { id: "Pengguna", en: "Users" },
  "users.intro": {
    id: "Akun petugas Dinas Sosial, panti dan Satgas P3S: peran, panti atau unit, dan status.",
    en: "Accounts of Dinas Sosial, shelter and outreach staff: role, shelter or unit, and status.",
  },
  "users.new": { id: "Tambah pengguna", en: "New user" },
  "users.newIntro": {
    id: "Buat akun untuk seorang petugas. Setiap akun dipakai oleh satu orang saja.",
    en: "Create an account for one member of staff. Each account is used by one person only.",
  },
  "users.username": { id: "Nama pengguna", en: "Username" },
  "users.usernameHint": {
    id: "3–32 karakter: huruf kecil, angka, titik atau tanda hubung, mis. budi.santoso",
    en: "3–32 characters: lowercase letters, digits, dots or dashes, e.g. budi.santoso",
  },
  "users.name": { id: "Nama lengkap", en: "Full name" },
  "users.role": { id: "Peran", en: "Role" },
  "users.panti": { id: "Panti", en: "Shelter" },
  "users.pantiHint": {
    id: "Wajib untuk admin panti, instruktur dan petugas psikososial; kosongkan untuk peran lain.",
    en: "Required for shelter administrators, instructors and psychosocial staff; leave empty for other roles.",
  },
  "users.outreachUnit": { id: "Unit P3S", en: "Outreach unit" },
  "users.unitHint": {
    id: "Wajib untuk petugas P3S; kosongkan untuk peran lain.",
    en: "Required for outreach officers; leave empty for other roles.",
  },
  "users.active": { id: "Aktif", en: "Active" },
  "users.inactive": { id: "Nonaktif", en: "Inactive" },
  "users.lastLogin": { id: "Terakhir masuk", en: "Last sign-in" },
  "users.never": { id: "Belum pernah", en: "Never" },
  "users.createdAt": { id: "Dibuat", en: "Created" },
  "users.mustChange": { id: "Wajib ganti kata sandi", en: "Must change password" },
  "users.password": { id: "Kata sandi awal", en: "Initial password" },
  "users.passwordStatus": { id: "Kata sandi", en: "Password" },
  "users.passwordHint": {
    id: "Kosongkan untuk dibuatkan otomatis. Pengguna wajib menggantinya saat pertama masuk.",
    en: "Leave empty to generate one. The user must change it at first sign-in.",
  },
  "users.searchPlaceholder": { id: "Nama atau nama pengguna", en: "Name or username" },
  "users.empty": { id: "Tidak ada pengguna yang cocok dengan saringan.", en: "No user matches the filters." },
  "users.pages": { id: "Halaman daftar pengguna", en: "User list pages" },
  "users.account": { id: "Akun", en: "Account" },
  "users.create": { id: "Buat akun", en: "Create account" },
  "users.created": { id: "Akun {username} dibuat.", en: "Account {username} created." },
  "users.generatedOnce": {
    id: "Serahkan kata sandi ini kepada {name} secara langsung. Kata sandi ini hanya ditampilkan sekali ini dan tidak dapat dilihat lagi.",
    en: "Give this password to {name} in person. It is shown only this once and cannot be seen again.",
  },
  "users.chosenPassword": {
    id: "Kata sandi awal adalah yang Anda isikan. Serahkan kepada pengguna secara langsung.",
    en: "The initial password is the one you entered. Give it to the user in person.",
  },
  "users.mustChangeHint": {
    id: "Pengguna wajib menggantinya saat pertama masuk.",
    en: "The user must change it at first sign-in.",
  },
  "users.openUser": { id: "Buka halaman pengguna", en: "Open the user's page" },
  "users.addAnother": { id: "Tambah pengguna lain", en: "Add another user" },
  "users.edit": { id: "Ubah data", en: "Edit" },
  "users.updated": { id: "Data {username} disimpan.", en: "{username} saved." },
  "users.unchanged": { id: "Tidak ada perubahan pada {username}.", en: "Nothing changed for {username}." },
  "users.selfRoleHint": {
    id: "Anda tidak dapat melepas peran Admin Dinsos dari akun Anda sendiri.",
    en: "You cannot remove the Dinsos administrator role from your own account.",
  },
  "users.reset": { id: "Atur ulang kata sandi", en: "Reset password" },
  "users.resetExplain": {
    id: "Membuat kata sandi baru yang ditampilkan sekali, mengeluarkan pengguna dari semua perangkat, dan mewajibkan ganti kata sandi saat masuk berikutnya.",
    en: "Creates a new password shown once, signs the user out everywhere, and makes them change it at their next sign-in.",
  },
  "users.resetDone": {
    id: "Kata sandi {username} diatur ulang; semua sesinya diakhiri.",
    en: "Password of {username} reset; all their sessions ended.",
  },
  "users.newPassword": { id: "Kata sandi baru", en: "New password" },
  "users.resetHint": {
    id: "Pengguna wajib menggantinya saat masuk berikutnya.",
    en: "The user must change it at their next sign-in.",
  },
  "users.selfResetHint": {
    id: "Untuk akun Anda sendiri, gunakan",
    en: "For your own account, use",
  },
  "users.deactivate": { id: "Nonaktifkan akun", en: "Deactivate account" },
  "users.deactivateExplain": {
    id: "Pengguna segera dikeluarkan dari semua perangkat dan tidak dapat masuk lagi. Data dan riwayatnya tetap tersimpan; akun dapat diaktifkan kembali.",
    en: "The user is signed out everywhere at once and can no longer sign in. Their records and history are kept; the account can be reactivated.",
  },
  "users.deactivateConfirm": { id: "Ya, nonaktifkan {username}", en: "Yes, deactivate {username}" },
  "users.deactivated": {
    id: "Akun {username} dinonaktifkan; semua sesinya diakhiri.",
    en: "Account {username} deactivated; all their sessions ended.",
  },
  "users.reactivate": { id: "Aktifkan kembali", en: "Reactivate" },
  "users.reactivateExplain": {
    id: "Pengguna dapat masuk lagi dengan kata sandinya. Atur ulang kata sandi bila perlu.",
    en: "The user can sign in again with their password. Reset the password if needed.",
  },
  "users.reactivated": { id: "Akun {username} diaktifkan kembali.", en: "Account {username} reactivated." },
  "users.selfDeactivateHint": {
    id: "Anda tidak dapat menonaktifkan akun Anda sendiri. Minta admin Dinsos lain bila perlu.",
    en: "You cannot deactivate your own account. Ask another Dinsos administrator if needed.",
  },
  "users.signIn": { id: "Percobaan masuk gagal", en: "Failed sign-ins" },
  "users.signInNone": {
    id: "Tidak ada percobaan masuk gagal dalam {hours} jam terakhir.",
    en: "No failed sign-ins in the last {hours} hours.",
  },
  "users.signInSummary": {
    id: "{n} percobaan gagal dalam {hours} jam terakhir dari {addresses} alamat; yang pertama {first}, yang terakhir {last}.",
    en: "{n, plural, one {# failed attempt} other {# failed attempts}} in the last {hours} hours from {addresses} addresses; the first at {first}, the last at {last}.",
  },
  "users.signInExplain": {
    id: "Setelah {free} kali gagal dari satu alamat, setiap percobaan berikutnya dari alamat itu harus menunggu makin lama (paling lama 15 menit). Masuk dari alamat lain tidak terpengaruh. Buka penundaan bila pemilik akun sendiri yang salah ketik; bila bukan, atur ulang kata sandinya.",
    en: "After {free} failures from one address, each further attempt from that address must wait longer (15 minutes at most). Signing in from another address is not affected. Unlock when the account's owner mistyped; if it was not them, reset the password.",
  },
  "users.signInAddress": { id: "Alamat", en: "Address" },
  "users.signInCount": { id: "Gagal", en: "Failures" },
  "users.signInLast": { id: "Terakhir", en: "Last" },
  "users.signInState": { id: "Status", en: "State" },
  "users.signInThrottled": { id: "Ditunda", en: "Throttled" },
  "users.signInDelayed": {
    id: "ditunda sejak {since} sampai {until}",
    en: "delayed since {since} until {until}",
  },
  "users.signInFree": { id: "tidak ditunda", en: "not delayed" },
  "users.signInMoreAddresses": { id: "… dan {n} alamat lain", en: "… and {n, plural, one {# more address} other {# more addresses}}" },
  "users.unlock": { id: "Buka penundaan masuk", en: "Unlock sign-in" },
  "users.unlocked": {
    id: "Penundaan masuk {username} dibuka: {n} percobaan gagal dihapus.",
    en: "Sign-in of {username} unlocked: {n, plural, one {# failed attempt} other {# failed attempts}} cleared.",
  },
  "users.history": { id: "Perubahan terakhir pada akun", en: "Recent changes to the account" },
  "users.fullHistory": { id: "Lihat seluruh riwayat di log audit", en: "See the whole history in the audit log" },

  "users.error.username": {
    id: "Hanya huruf kecil, angka, titik dan tanda hubung (3–32 karakter).",
    en: "Lowercase letters, digits, dots and dashes only (3–32 characters).",
  },
  "users.error.usernameTaken": {
    id: "Nama pengguna ini sudah dipakai. Pilih yang lain.",
    en: "This username is taken. Choose another.",
  },
  "users.error.pantiRequired": {
    id: "Pilih panti tempat pengguna bertugas: peran ini bekerja di satu panti.",
    en: "Choose the shelter the user works in: this role works inside one shelter.",
  },
  "users.error.pantiForbidden": {
    id: "Peran ini tidak terikat pada satu panti. Kosongkan pilihan panti.",
    en: "This role is not tied to one shelter. Leave the shelter empty.",
  },
  "users.error.unitRequired": {
    id: "Pilih unit P3S petugas ini.",
    en: "Choose this officer's outreach unit.",
  },
  "users.error.unitForbidden": {
    id: "Unit P3S hanya untuk petugas P3S. Kosongkan pilihan unit.",
    en: "An outreach unit is only for outreach officers. Leave the unit empty.",
  },
  "users.error.selfRole": {
    id: "Anda tidak dapat melepas peran Admin Dinsos dari akun Anda sendiri. Minta admin Dinsos lain bila perlu.",
    en: "You cannot remove the Dinsos administrator role from your own account. Ask another Dinsos administrator if needed.",
  },
  "users.error.selfDeactivate": {
    id: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
    en: "You cannot deactivate your own account.",
  },
  "users.error.selfReset": {
    id: "Untuk akun Anda sendiri, gunakan halaman Ganti kata sandi.",
    en: "For your own account, use the Change password page.",
  },
  "users.error.alreadyActive": {
    id: "Akun {username} sudah aktif. Muat ulang halaman.",
    en: "Account {username} is already active. Reload the page.",
  },
  "users.error.alreadyInactive": {
    id: "Akun {username} sudah nonaktif. Muat ulang halaman.",
    en: "Account {username} is already inactive. Reload the page.",
  },
  "users.error.passwordShort": {
    id: "Kata sandi paling sedikit 10 karakter.",
    en: "The password needs at least 10 characters.",
  },
  "users.error.passwordIsUsername": {
    id: "Kata sandi tidak boleh sama dengan nama pengguna.",
    en: "The password cannot be the username.",
  },
  "users.error.passwordUnchanged": {
    id: "Kata sandi baru harus berbeda dari kata sandi sekarang.",
    en: "The new password must differ from the current one.",
  },
  "users.error.confirmMismatch": {
    id: "Tidak sama dengan kata sandi baru.",
    en: "Does not match the new password.",
  },
  "users.error.currentPasswordWrong": {
    id: "Kata sandi sekarang salah.",
    en: "The current password is wrong.",
  },
  "users.error.passwordThrottled": {
    id: "Terlalu banyak percobaan dengan kata sandi yang salah. Coba lagi dalam {wait} (pukul {time}).",
    en: "Too many attempts with a wrong password. Try again in {wait} (at {time}).",
  },
  "users.error.notThrottled": {
    id: "Tidak ada percobaan masuk gagal yang tercatat untuk {username}: tidak ada yang perlu dibuka.",
    en: "No failed sign-ins are recorded for {username}: there is nothing to unlock.",
  },

  // --- own password -------------------------------------------------------------------
  "password.title": { id: "Ganti kata sandi", en: "Change password" },
  "password.intro": {
    id: "Kata sandi hanya untuk Anda: jangan dibagikan, juga kepada rekan kerja.",
    en: "Your password is yours alone: do not share it, not even with colleagues.",
  },
  "password.mustTitle": { id: "Ganti kata sandi Anda dulu.", en: "Change your password first." },
  "password.mustBody": {
    id: "Kata sandi Anda dibuat atau diatur ulang oleh admin Dinsos, jadi admin pernah melihatnya. Pilih kata sandi baru yang hanya Anda ketahui sebelum melanjutkan.",
    en: "Your password was set or reset by a Dinsos administrator, who has therefore seen it. Choose a new one that only you know before you continue.",
  },
  "password.current": { id: "Kata sandi sekarang", en: "Current password" },
  "password.new": { id: "Kata sandi baru", en: "New password" },
  "password.rules": {
    id: "Paling sedikit {min} karakter, tidak sama dengan nama pengguna atau kata sandi sekarang. Kalimat pendek mudah diingat dan sulit ditebak.",
    en: "At least {min} characters, not your username nor your current password. A short sentence is easy to remember and hard to guess.",
  },
  "password.confirm": { id: "Ulangi kata sandi baru", en: "Repeat the new password" },
  "password.submit": { id: "Ganti kata sandi", en: "Change password" },
  "password.done": { id: "Kata sandi Anda sudah diganti.", en: "Your password has been changed." },
  "password.otherSessionsEnded": {
    id: "Anda dikeluarkan dari {n} perangkat lain.",
    en: "You were signed out on {n, plural, one {# other device} other {# other devices}}.",
  },
  "password.continue": { id: "Lanjut ke Beranda", en: "Continue to Home" },

  // --- audit ------------------------------------------------------------------------
  "audit.title": { id: "Log audit", en: "Audit log" },
  "audit.intro": {
    id: "Setiap perubahan data dan setiap upaya masuk, terbaru di atas. Waktu dalam WIB.",
    en: "Every change to the data and every sign-in attempt, newest first. Times in WIB.",
  },
  "audit.filters": { id: "Saring log audit", en: "Filter the audit log" },
  "audit.at": { id: "Waktu", en: "Time" },
  "audit.user": { id: "Pengguna", en: "User" },
  "audit.action": { id: "Tindakan", en: "Action" },
  "audit.actionPrefix": { id: "Tindakan (awalan)", en: "Action (prefix)" },
  "audit.entity": { id: "Data", en: "Record" },
  "audit.entityId": { id: "Nomor data", en: "Record id" },
  "audit.changes": { id: "Perubahan", en: "Changes" },
  "audit.from": { id: "Dari tanggal", en: "From" },
  "audit.to": { id: "Sampai tanggal", en: "To" },
  "audit.system": { id: "Sistem / tanpa akun", en: "System / no account" },
  "audit.empty": { id: "Tidak ada entri yang cocok.", en: "No matching entries." },
  "audit.pages": { id: "Halaman log audit", en: "Audit log pages" },
  "audit.newest": { id: "Terbaru", en: "Newest" },
  "audit.newer": { id: "Lebih baru", en: "Newer" },
  "audit.older": { id: "Lebih lama", en: "Older" },
} as const satisfies Record<string, { id: string; en: string }>;
