import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bedAssignments, followUps, persons, placements, stayBatches, stays } from "#db/schema";
import { Conflict } from "~/domain/errors";
import { importBatch, previewBatch } from "~/services/placement-import.server";
import { importStays, previewStays } from "~/services/stay-import.server";
import { toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { action as staysAction, loader as staysLoader } from "~/routes/_app.stays.import";
import { loader as csvTemplateLoader } from "~/routes/_app.stays.import.template[.]csv";
import { MAX_IMPORT_BYTES } from "~/domain/placement-import";
import { translator } from "~/utils/i18n";
import { readXlsx } from "~/utils/xlsx.server";
import { loader as xlsxTemplateLoader } from "~/routes/_app.stays.import.template[.]xlsx";
import { auditCount, cookieFor, createPanti, createResident, createRoom, createUser } from "../factories";
import { BASE, callRoute as call, getRequest, postForm, routeArgs as args } from "../routes";

const STAY_HEADER = [
  "nama",
  "nik",
  "jenis_kelamin",
  "perkiraan_usia",
  "kategori_ppks",
  "panti",
  "tanggal_masuk",
  "tempat_tidur",
  "tahap",
  "tanggal_keluar",
  "hasil_keluar",
  "nama_keluarga",
  "hubungan_keluarga",
  "alamat_keluarga",
  "dokumen",
  "provinsi_tujuan",
  "kota_tujuan",
  "transportasi",
] as const;
type StayColumn = (typeof STAY_HEADER)[number];

let nikCounter = 0;
/** A name of letters only, different for every number. */
const nameOf = (n: number) => `Warga ${[...String(n)].map((d) => "abcdefghij"[Number(d)]).join("")}`;
const nextNik = () => `3173${String(100_000_000_000 + ++nikCounter).padStart(12, "0")}`;

function stayRow(pantiCode: string, values: Partial<Record<StayColumn, string>> = {}): string[] {
  const base: Record<StayColumn, string> = {
    nama: nameOf(nikCounter),
    nik: nextNik(),
    jenis_kelamin: "L",
    perkiraan_usia: "60",
    kategori_ppks: "Lansia",
    panti: pantiCode,
    tanggal_masuk: "2024-01-15",
    tempat_tidur: "",
    tahap: "terminasi",
    tanggal_keluar: "2024-06-30",
    hasil_keluar: "Dipulangkan",
    nama_keluarga: "",
    hubungan_keluarga: "",
    alamat_keluarga: "",
    dokumen: "",
    provinsi_tujuan: "Jateng",
    kota_tujuan: "Brebes",
    transportasi: "bis",
    ...values,
  };
  return STAY_HEADER.map((h) => base[h]);
}

const csv = (rows: string[][], header: readonly string[] = STAY_HEADER) => new TextEncoder().encode(toCsv([[...header], ...rows]));

function setup() {
  const p = createPanti({ type: "elderly" });
  const { beds } = createRoom(p.id, 2, { sex: "mixed" });
  const admin = createUser("dinsos_admin");
  return { p, beds, admin };
}

const staysOf = (pantiId: number) => db.select().from(stays).where(eq(stays.pantiId, pantiId)).all();

describe("upload of past stays", () => {
  it("imports stays with exits and their details, stages and beds, and appends to the audit log", async () => {
    const { p, beds, admin } = setup();
    const before = auditCount("stay_batch.import");
    const preview = await previewStays(admin.actor, {
      fileName: "riwayat.csv",
      bytes: csv([
        stayRow(p.code, { tempat_tidur: beds[0]!.label }),
        stayRow(p.code, {
          tanggal_masuk: "2024-02-01",
          tanggal_keluar: "2024-05-01",
          hasil_keluar: "Pulang ke keluarga",
          nama_keluarga: "Ahmad",
          hubungan_keluarga: "Anak",
          alamat_keluarga: "Bekasi",
          dokumen: "KTP; KK; Surat pernyataan",
          provinsi_tujuan: "",
          kota_tujuan: "",
          transportasi: "",
        }),
        stayRow(p.code, { tanggal_keluar: "", hasil_keluar: "", provinsi_tujuan: "", kota_tujuan: "", transportasi: "", tahap: "Asesmen" }),
      ]),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.validCount).toBe(3);
    expect(preview.mappings.map((m) => m.from)).toEqual(expect.arrayContaining(["Lansia", "Dipulangkan", "Pulang ke keluarga", "Jateng", "bis"]));
    const result = importStays(admin.actor, preview.batchId);
    expect(result.imported).toBe(3);
    const made = staysOf(p.id);
    expect(made).toHaveLength(3);
    const repatriated = made.find((s) => s.exitOutcome === "repatriated_home_region")!;
    expect(repatriated.exitDetails).toMatchObject({ province: "Jawa Tengah", city: "Brebes", transport: "bus" });
    expect(repatriated.currentStage).toBe("terminasi");
    const returned = made.find((s) => s.exitOutcome === "returned_family")!;
    expect(returned.exitDetails).toMatchObject({ familyName: "Ahmad", documents: { ktp: true, kk: true, signedStatement: true } });
    const open = made.find((s) => s.exitedAt === null)!;
    expect(open.currentStage).toBe("asesmen");
    const bed = db.select().from(bedAssignments).where(eq(bedAssignments.stayId, repatriated.id)).get()!;
    expect(bed).toMatchObject({ bedId: beds[0]!.id, fromAt: repatriated.admittedAt, toAt: repatriated.exitedAt });
    expect(auditCount("stay_batch.import")).toBe(before + 1);
    expect(db.select().from(stayBatches).where(eq(stayBatches.id, preview.batchId)).get()!.status).toBe("imported");
  });

  it("reports every error of a row at once, in the column's own name", async () => {
    const { p, admin } = setup();
    const preview = await previewStays(admin.actor, {
      fileName: "salah.csv",
      bytes: csv([
        stayRow(p.code, {
          jenis_kelamin: "X",
          tanggal_masuk: "kemarin",
          hasil_keluar: "Dikembalikan ke keluarga",
          provinsi_tujuan: "",
          kota_tujuan: "",
          transportasi: "",
        }),
      ]),
    });
    const fields = preview.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["jenis_kelamin", "tanggal_masuk", "nama_keluarga", "hubungan_keluarga", "alamat_keluarga", "dokumen"]));
    expect(preview.invalidRowCount).toBe(1);
    expect(() => importStays(admin.actor, preview.batchId)).toThrow(Conflict);
  });

  it("imports whole or not at all: one bad row and nothing is written", async () => {
    const { p, admin } = setup();
    const preview = await previewStays(admin.actor, {
      fileName: "campur.csv",
      bytes: csv([stayRow(p.code), stayRow(p.code), stayRow(p.code, { tanggal_keluar: "2023-01-01" })]),
    });
    expect(preview.invalidRowCount).toBe(1);
    expect(preview.errors[0]!.row).toBe(4);
    expect(() => importStays(admin.actor, preview.batchId)).toThrow(Conflict);
    expect(staysOf(p.id)).toHaveLength(0);
  });

  it("finds people again by NIK and by a similar name, and one person across rows of the file", async () => {
    const { p, admin } = setup();
    const known = db.insert(persons).values({ name: "Budi Santoso", sex: "male", birthYear: 1964, nik: "3173000000000001" }).returning().get();
    const byName = db.insert(persons).values({ name: "Sri Wahyuningsih", sex: "female", birthYear: 1960 }).returning().get();
    const preview = await previewStays(admin.actor, {
      fileName: "orang.csv",
      bytes: csv([
        stayRow(p.code, { nama: "Budi S.", nik: "3173000000000001", tanggal_masuk: "2023-01-01", tanggal_keluar: "2023-02-01" }),
        stayRow(p.code, { nama: "Sri Wahyuningsi", nik: "", jenis_kelamin: "P", perkiraan_usia: "64", tanggal_masuk: "2024-01-01", tanggal_keluar: "2024-02-01" }),
        stayRow(p.code, { nama: "Joko Widodo", nik: "3173000000000099", tanggal_masuk: "2022-01-01", tanggal_keluar: "2022-02-01" }),
        stayRow(p.code, { nama: "Joko Widodo", nik: "3173000000000099", tanggal_masuk: "2022-05-01", tanggal_keluar: "2022-06-01" }),
      ]),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.people).toEqual({ foundByNik: 1, foundByName: 1, new: 1 });
    importStays(admin.actor, preview.batchId);
    const made = staysOf(p.id);
    expect(made.filter((s) => s.personId === known.id)).toHaveLength(1);
    expect(made.filter((s) => s.personId === byName.id)).toHaveLength(1);
    const joko = db.select().from(persons).where(eq(persons.nik, "3173000000000099")).get()!;
    const jokoStays = made.filter((s) => s.personId === joko.id).sort((a, b) => a.admittedAt.getTime() - b.admittedAt.getTime());
    expect(jokoStays).toHaveLength(2);
    expect(jokoStays[1]!.previousStayId).toBe(jokoStays[0]!.id);
    expect(jokoStays[1]!.reentry).toBe(true);
  });

  it("refuses a bed overlapping its history in the database and in the file", async () => {
    const { p, beds, admin } = setup();
    const [bed1, bed2] = beds as [(typeof beds)[0], (typeof beds)[0]];
    // bed 1 held now since 2026-01-10; bed 2 held in 2024 by a stay that ended.
    createResident(p.id, bed1.id);
    const earlier = await previewStays(admin.actor, { fileName: "a.csv", bytes: csv([stayRow(p.code, { tempat_tidur: bed2.label, tanggal_masuk: "2024-03-01", tanggal_keluar: "2024-04-01" })]) });
    importStays(admin.actor, earlier.batchId);
    const preview = await previewStays(admin.actor, {
      fileName: "b.csv",
      bytes: csv([
        stayRow(p.code, { tempat_tidur: bed1.label, tanggal_masuk: "2025-12-01", tanggal_keluar: "2026-02-01" }),
        stayRow(p.code, { tempat_tidur: bed2.label, tanggal_masuk: "2024-03-15", tanggal_keluar: "2024-05-01" }),
        stayRow(p.code, { tempat_tidur: bed2.label, tanggal_masuk: "2023-01-01", tanggal_keluar: "2023-03-01" }),
        stayRow(p.code, { tempat_tidur: bed2.label, tanggal_masuk: "2023-02-01", tanggal_keluar: "2023-02-10" }),
        stayRow(p.code, { tempat_tidur: bed2.label, tanggal_masuk: "2023-03-01", tanggal_keluar: "2023-04-01" }),
      ]),
    });
    const byRow = (row: number) => preview.errors.filter((e) => e.row === row).map((e) => e.field);
    expect(byRow(2)).toEqual(["tempat_tidur"]);
    expect(byRow(3)).toEqual(["tempat_tidur"]);
    expect(byRow(4)).toEqual([]);
    expect(byRow(5)).toEqual(["tempat_tidur"]);
    expect(preview.errors.find((e) => e.row === 5)!.message).toContain("4");
    expect(byRow(6)).toEqual([]); // starts the minute row 4's stay ends
    expect(() => importStays(admin.actor, preview.batchId)).toThrow(Conflict);
  });

  it("refuses a stay overlapping the person's other stays", async () => {
    const { p, admin } = setup();
    const { person } = createResident(p.id, null);
    db.update(persons).set({ nik: "3173000000000555" }).where(eq(persons.id, person.id)).run();
    const preview = await previewStays(admin.actor, {
      fileName: "c.csv",
      bytes: csv([
        stayRow(p.code, { nik: "3173000000000555", tanggal_masuk: "2026-01-20", tanggal_keluar: "2026-01-25" }),
        stayRow(p.code, { nik: "3173000000000556", tanggal_masuk: "2024-01-01", tanggal_keluar: "" , hasil_keluar: "", provinsi_tujuan: "", kota_tujuan: "", transportasi: ""}),
        stayRow(p.code, { nik: "3173000000000556", tanggal_masuk: "2024-02-01", tanggal_keluar: "2024-03-01" }),
      ]),
    });
    expect(preview.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "tanggal_masuk"],
      [4, "tanggal_masuk"],
    ]);
  });

  it("schedules follow-ups only for exits still within the follow-up window", async () => {
    const { p, admin } = setup();
    const now = new Date("2026-03-01T03:00:00Z");
    const preview = await previewStays(
      admin.actor,
      {
        fileName: "fu.csv",
        bytes: csv([
          stayRow(p.code, { tanggal_masuk: "2024-01-01", tanggal_keluar: "2024-06-30" }),
          stayRow(p.code, { tanggal_masuk: "2025-10-01", tanggal_keluar: "2026-02-20" }),
        ]),
      },
      now,
    );
    expect(preview.errors).toEqual([]);
    const result = importStays(admin.actor, preview.batchId, now);
    const made = staysOf(p.id);
    const old = made.find((s) => s.admittedAt.getUTCFullYear() === 2023 || s.exitedAt!.getUTCFullYear() === 2024)!;
    const recent = made.find((s) => s.id !== old.id)!;
    expect(db.select().from(followUps).where(eq(followUps.stayId, old.id)).all()).toHaveLength(0);
    expect(db.select().from(followUps).where(eq(followUps.stayId, recent.id)).all().map((f) => f.sequence)).toEqual([1, 3, 6]);
    expect(result.followUps).toBe(3);
  });

  it("refuses, row by row, stays of another panti for a panti admin", async () => {
    const { p, admin: _admin } = setup();
    const other = createPanti({ type: "elderly" });
    const own = createUser("panti_admin", p.id);
    const preview = await previewStays(own.actor, { fileName: "d.csv", bytes: csv([stayRow(p.code), stayRow(other.code)]) });
    expect(preview.errors.map((e) => [e.row, e.field])).toEqual([[3, "panti"]]);
    expect(() => importStays(own.actor, preview.batchId)).toThrow(Conflict);
    expect(staysOf(other.id)).toHaveLength(0);
  });
});

describe("historical decisions in the referral upload", () => {
  const HEADER = [
    "unit_p3s", "nama_petugas", "waktu_ditemukan", "cara_penjangkauan", "nama", "jenis_kelamin", "perkiraan_usia", "nik",
    "kategori_ppks", "ringkasan_asesmen", "panti_tujuan", "keputusan", "tanggal_keputusan", "tempat_tidur", "alasan_keputusan", "dialihkan_ke",
  ];
  const row = (code: string, values: Record<string, string>) => {
    const base: Record<string, string> = {
      unit_p3s: "sudin_jakbar",
      nama_petugas: "Rudi Hartono",
      waktu_ditemukan: "02 Januari 2023",
      cara_penjangkauan: "Razia",
      nama: nameOf(++nikCounter),
      jenis_kelamin: "L",
      perkiraan_usia: "50",
      nik: nextNik(),
      kategori_ppks: "gelandangan",
      ringkasan_asesmen: "Tidur di kolong jembatan.",
      panti_tujuan: code,
      ...values,
    };
    return HEADER.map((h) => base[h] ?? "");
  };

  it("keeps decided referrals out of the queue; accepted ones are admitted on their date, on their bed", async () => {
    const { p, beds, admin } = setup();
    const other = createPanti({ type: "intake" });
    const preview = await previewBatch(admin.actor, {
      fileName: "2023.csv",
      bytes: new TextEncoder().encode(
        toCsv([
          HEADER,
          row(p.code, { keputusan: "Masuk", tanggal_keputusan: "2023-01-03", tempat_tidur: beds[0]!.label }),
          row(p.code, { keputusan: "ditolak", alasan_keputusan: "Bukan sasaran panti ini" }),
          row(p.code, { keputusan: "dialihkan", alasan_keputusan: "Perlu asesmen dulu", dialihkan_ke: other.code }),
          row(p.code, {}),
        ]),
      ),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.decisions).toMatchObject({ accepted: 1, declined: 1, redirected: 1 });
    expect(preview.mappings.some((m) => m.from === "Masuk")).toBe(true);
    importBatch(admin.actor, preview.batchId);
    const made = db.select().from(placements).where(eq(placements.batchId, preview.batchId)).all();
    expect(made.map((m) => m.status).sort()).toEqual(["accepted", "declined", "pending", "redirected"]);
    const pending = db.select().from(placements).where(and(eq(placements.targetPantiId, p.id), eq(placements.status, "pending"))).all();
    expect(pending).toHaveLength(1);
    const accepted = made.find((m) => m.status === "accepted")!;
    const stay = db.select().from(stays).where(eq(stays.id, accepted.stayId!)).get()!;
    expect(stay).toMatchObject({ placementId: accepted.id, personId: accepted.personId, pantiId: p.id });
    expect(stay.admittedAt.toISOString()).toBe("2023-01-02T17:00:00.000Z");
    const bed = db.select().from(bedAssignments).where(and(eq(bedAssignments.stayId, stay.id), isNull(bedAssignments.toAt))).get()!;
    expect(bed.bedId).toBe(beds[0]!.id);
  });

  it("says every problem of a decision at once and refuses a decision without the right", async () => {
    const { p } = setup();
    const outreach = createUser("outreach", null, "sudin_jakbar");
    const preview = await previewBatch(outreach.actor, {
      fileName: "x.csv",
      bytes: new TextEncoder().encode(toCsv([HEADER, row(p.code, { keputusan: "dialihkan", tempat_tidur: "R-01" }), row(p.code, { tempat_tidur: "R-01" })])),
    });
    const of = (r: number) => preview.errors.filter((e) => e.row === r).map((e) => e.field).sort();
    expect(of(2)).toEqual(["alasan_keputusan", "dialihkan_ke", "keputusan", "tempat_tidur"]);
    expect(of(3)).toEqual(["tempat_tidur"]);
  });
});

describe("the page /stays/import", () => {
  const t = translator("id");
  const upload = (cookie: string, file: File) => {
    const form = new FormData();
    form.append("intent", "upload");
    form.append("file", file);
    return new Request(`${BASE}/stays/import`, { method: "POST", headers: { Cookie: cookie }, body: form });
  };
  type Body = { ok: boolean; errors?: Record<string, string[]>; preview?: { batchId: number; errors: { row: number; field: string }[]; validCount: number } };

  it("previews an upload, imports it and shows it imported", async () => {
    const { p, admin } = setup();
    const cookie = await cookieFor(admin.username);
    const text = toCsv([[...STAY_HEADER], stayRow(p.code), stayRow(p.code)]);
    const res = await call(() => staysAction(args(upload(cookie, new File([text], "riwayat.csv", { type: "text/csv" })))));
    expect(res.status).toBe(200);
    const { preview } = res.body as Required<Body>;
    expect(preview.validCount).toBe(2);
    const done = await call(() => staysAction(args(postForm("/stays/import", cookie, { intent: "import", batchId: String(preview.batchId) }))));
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/stays/import?batch=${preview.batchId}`);
    const page = await call(() => staysLoader(args(getRequest(done.location!, cookie))));
    expect((page.body as { batch: { status: string } }).batch.status).toBe("imported");
    expect(staysOf(p.id)).toHaveLength(2);
  });

  it("refuses, row by row, a panti admin's rows for another panti; the batch cannot be imported", async () => {
    const { p } = setup();
    const other = createPanti({ type: "elderly" });
    const own = createUser("panti_admin", p.id);
    const cookie = await cookieFor(own.username);
    const text = toCsv([[...STAY_HEADER], stayRow(p.code), stayRow(other.code)]);
    const res = await call(() => staysAction(args(upload(cookie, new File([text], "riwayat.csv", { type: "text/csv" })))));
    expect(res.status).toBe(400);
    const { preview } = res.body as Required<Body>;
    expect(preview.errors).toEqual([expect.objectContaining({ row: 3, field: "panti" })]);
    const refused = await call(() => staysAction(args(postForm("/stays/import", cookie, { intent: "import", batchId: String(preview.batchId) }))));
    expect(refused.status).toBe(409);
    expect(staysOf(p.id)).toHaveLength(0);
    expect(staysOf(other.id)).toHaveLength(0);
  });

  it("answers a file over the cap with 413 and its message, never 500", async () => {
    const { admin } = setup();
    const cookie = await cookieFor(admin.username);
    const big = new File([new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65)], "besar.csv", { type: "text/csv" });
    const res = await call(() => staysAction(args(upload(cookie, big))));
    expect(res.status).toBe(413);
    expect((res.body as Body).errors?.file).toEqual([t("import.error.tooLarge")]);
  });

  it("is not for outreach officers, and another user's batch is not found", async () => {
    const { p, admin } = setup();
    const outreach = createUser("outreach", null, "sudin_jakbar");
    const outreachCookie = await cookieFor(outreach.username);
    const page = await call(() => staysLoader(args(getRequest("/stays/import", outreachCookie))));
    expect(page.status).toBe(403);
    const preview = await previewStays(admin.actor, { fileName: "x.csv", bytes: csv([stayRow(p.code)]) });
    const panti = createUser("panti_admin", p.id);
    const cookie = await cookieFor(panti.username);
    expect((await call(() => staysLoader(args(getRequest(`/stays/import?batch=${preview.batchId}`, cookie))))).status).toBe(404);
    expect((await call(() => staysAction(args(postForm("/stays/import", cookie, { intent: "import", batchId: String(preview.batchId) }))))).status).toBe(404);
  });

  it("offers CSV and XLSX templates whose example row passes the check", async () => {
    const { admin } = setup();
    createPanti({ code: "PSTW-BM1", type: "elderly" });
    const cookie = await cookieFor(admin.username);
    const csvRes = await call(() => csvTemplateLoader(args(getRequest("/stays/import/template.csv", cookie))));
    expect(csvRes.headers.get("Content-Disposition")).toContain("template-riwayat-tinggal.csv");
    const csvBody = new Uint8Array(await csvRes.response!.arrayBuffer());
    const xlsxRes = await call(() => xlsxTemplateLoader(args(getRequest("/stays/import/template.xlsx", cookie))));
    const xlsxBody = new Uint8Array(await xlsxRes.response!.arrayBuffer());
    expect((await readXlsx(xlsxBody)).rows[0]!.cells).toContain("hasil_keluar");
    for (const [name, bytes] of [["t.csv", csvBody], ["t.xlsx", xlsxBody]] as const) {
      const preview = await previewStays(admin.actor, { fileName: name, bytes });
      expect(preview.errors).toEqual([]);
      expect(preview.validCount).toBe(1);
    }
  });
});
