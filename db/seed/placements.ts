/**
 * Referrals and follow-ups in the demo data, added after the population:
 * - every stay in an intake panti (Bina Insan) came from a referral by a P3S unit of that part of
 *   the city: an accepted placement linked both ways — except in Q1 2025, whose referrals are the
 *   fixture that reproduces the published figures (db/fixtures/q1-2025.ts);
 * - a queue of pending referrals from the last days, a declined and a redirected one, and a
 *   returning person (the same NIK as someone who stayed before), so the queue pages have work;
 * - follow-ups (1, 3, 6 months) after the positive exits of the last seven months, the past ones
 *   mostly done.
 * Deterministic for a given `now`.
 */
import type { Db } from "../connection";
import { loadQ1_2025 } from "../fixtures/q1-2025";
import { followUpDueDates } from "../../app/domain/exits";
import { jakartaDate } from "../../app/domain/time";
import { Random } from "./random";

const Q1_2025_START = Date.UTC(2024, 11, 31, 17); // 2025-01-01 00:00 WIB
const Q1_2025_END = Date.UTC(2025, 2, 31, 17); // 2025-04-01 00:00 WIB

export interface PlacementSeedCounts {
  historical: number;
  fixture: number;
  pending: number;
  followUps: number;
}

export function seedPlacements(db: Db, now: Date): PlacementSeedCounts {
  const client = db.$client;
  const rng = new Random(20250412);
  const result: PlacementSeedCounts = { historical: 0, fixture: 0, pending: 0, followUps: 0 };

  const write = client.transaction(() => {
    // 1. Accepted referrals behind the intake stays (one set-based insert, then the link back).
    result.historical = client
      .prepare(
        `insert into placements (outreach_unit, officer_name, source, external_ref, found_at, found_kota, found_place,
           reach_method, person_name, unidentified, description, sex, birth_date, estimated_age, nik, kk, origin_province,
           origin_city, ppks_category, disability_subtypes, assessment_summary, target_panti_id, status, decided_at,
           person_id, stay_id, created_at)
         select
           case p.code
             when 'PSBI-BD1' then case s.id % 5 when 0 then 'satgas_dinsos' when 1 then 'sudin_jakpus' else 'sudin_jakbar' end
             when 'PSBI-BD2' then case s.id % 5 when 0 then 'satgas_dinsos' when 1 then 'sudin_jaksel' else 'sudin_jaktim' end
             else case s.id % 4 when 0 then 'satgas_dinsos' when 1 then 'sudin_jakut' else 'sudin_jakpus' end
           end,
           case s.id % 6 when 0 then 'Rudi Hartono' when 1 then 'Siti Nurhaliza' when 2 then 'Bambang Wijaya'
             when 3 then 'Dewi Lestari' when 4 then 'Agus Salim' else 'Yuni Astuti' end,
           'form', 'H-' || s.id, s.admitted_at - 3 * 3600000, p.kota,
           case s.id % 5 when 0 then 'Kolong Tol' when 1 then 'Halte busway' when 2 then 'Pasar' when 3 then 'Stasiun' else 'Lampu merah' end,
           case s.id % 4 when 0 then 'jaki_report' when 1 then 'public_report' else 'patrol' end,
           per.name, per.unidentified, per.description, per.sex, per.birth_date,
           case when per.birth_year is null then null
                else cast(strftime('%Y', s.admitted_at / 1000, 'unixepoch', '+7 hours') as integer) - per.birth_year end,
           per.nik, per.kk, per.origin_province, per.origin_city,
           coalesce(per.ppks_category, 'gelandangan'), per.disability_subtypes,
           'Hasil penjangkauan P3S; asesmen awal di lapangan.', s.panti_id, 'accepted', s.admitted_at,
           per.id, s.id, s.admitted_at - 3 * 3600000
         from stays s
         join panti p on p.id = s.panti_id
         join persons per on per.id = s.person_id
         where p.type = 'intake' and s.placement_id is null
           and (s.admitted_at < ? or s.admitted_at >= ?)`,
      )
      .run(Q1_2025_START, Q1_2025_END).changes;
    client
      .prepare(
        `update stays set placement_id = (select pl.id from placements pl where pl.stay_id = stays.id)
         where placement_id is null and exists (select 1 from placements pl where pl.stay_id = stays.id)`,
      )
      .run();

    // 2. Follow-ups after the positive exits of the last seven months.
    const since = now.getTime() - 210 * 86_400_000;
    const exits = client
      .prepare(
        `select id, panti_id as pantiId, exited_at as exitedAt from stays
         where exited_at >= ? and exit_outcome in ('returned_family', 'repatriated_home_region', 'independent_living', 'adopted', 'programme_completed')
         order by id`,
      )
      .all(since) as { id: number; pantiId: number; exitedAt: number }[];
    const insertFollowUp = client.prepare(
      `insert into follow_ups (stay_id, panti_id, sequence, due_date, done_at, channel, result, notes) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const today = jakartaDate(now);
    const results = ["stable", "stable", "stable", "needs_support", "back_on_street", "unreachable"];
    const channels = ["phone", "phone", "home_visit", "video_call", "via_sudin"];
    for (const stay of exits) {
      for (const due of followUpDueDates(new Date(stay.exitedAt))) {
        // Most contacts that fell due were made; about one in six is still open (overdue).
        const done = due.dueDate < today && rng.next() > 0.17;
        const doneAt = done ? Date.parse(`${due.dueDate}T03:00:00Z`) + Math.floor(rng.next() * 5) * 86_400_000 : null;
        insertFollowUp.run(
          stay.id,
          stay.pantiId,
          due.sequence,
          due.dueDate,
          doneAt != null && doneAt < now.getTime() ? doneAt : null,
          done ? rng.pick(channels) : null,
          done ? rng.pick(results) : null,
          done ? "Kontak bimbingan lanjut." : null,
        );
        result.followUps += 1;
      }
    }

    // 3. The queue: pending referrals of the last ten days, plus one declined and one redirected.
    const pantiIds = new Map(
      (client.prepare("select id, code from panti").all() as { id: number; code: string }[]).map((r) => [r.code, r.id]),
    );
    const insertPending = client.prepare(
      `insert into placements (outreach_unit, officer_name, source, external_ref, found_at, found_kota, found_place, reach_method,
         person_name, unidentified, description, sex, estimated_age, nik, ppks_category, disability_subtypes, assessment_summary,
         health_notes, urgent_needs, belongings, target_panti_id, status, decided_at, decision_reason, created_at)
       values (?, ?, 'form', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const queue: [string, string, string | null, "male" | "female", number, string, string, string][] = [
      ["PSBI-BD1", "sudin_jakbar", "Darmono", "male", 52, "gelandangan", "Kolong Tol Cengkareng", "Jakarta Barat"],
      ["PSBI-BD1", "sudin_jakbar", null, "male", 40, "penyandang_disabilitas", "Taman Kota Intan", "Jakarta Barat"],
      ["PSBI-BD1", "satgas_dinsos", "Wartinah", "female", 63, "pengemis", "Lampu merah Slipi", "Jakarta Barat"],
      ["PSBI-BD1", "sudin_jakpus", "Andi Saputra", "male", 14, "anak_jalanan", "Stasiun Tanah Abang", "Jakarta Pusat"],
      ["PSBI-BD2", "sudin_jaktim", "Sukiman", "male", 58, "pemulung", "Terminal Kampung Melayu", "Jakarta Timur"],
      ["PSBI-BD2", "sudin_jaksel", "Rohaya", "female", 35, "perempuan_rawan_sosial_ekonomi", "Pasar Minggu", "Jakarta Selatan"],
      ["PSBI-BD3", "sudin_jakut", null, "female", 45, "gelandangan", "Kolong Jembatan Grogol", "Jakarta Utara"],
      ["PSBI-BD3", "sudin_jakpus", "Tarmuji", "male", 67, "lansia_terlantar", "Pasar Senen", "Jakarta Pusat"],
      ["PSTW-BM1", "sudin_jaktim", "Suminah", "female", 74, "lansia_terlantar", "Halte Cipayung", "Jakarta Timur"],
      ["PSTW-BM1", "satgas_dinsos", "Karto Wiyono", "male", 79, "lansia_terlantar", "Stasiun Jatinegara", "Jakarta Timur"],
      ["PSBL-HS2", "sudin_jaktim", null, "male", 38, "penyandang_disabilitas", "Jalan Raya Bogor", "Jakarta Timur"],
      ["PSBL-HS2", "sudin_jakbar", "Yayah", "female", 41, "penyandang_disabilitas", "Pasar Cengkareng", "Jakarta Barat"],
      ["PSBR-TJ1", "sudin_jaksel", "Rizky Pratama", "male", 17, "anak_terlantar", "Tebet", "Jakarta Selatan"],
    ];
    queue.forEach(([code, unit, name, sex, age, category, place, kota], i) => {
      const pantiId = pantiIds.get(code);
      if (pantiId == null) return;
      const createdAt = now.getTime() - (i * 17 + 5) * 3_600_000;
      insertPending.run(
        unit,
        ["Rudi Hartono", "Siti Nurhaliza", "Bambang Wijaya", "Dewi Lestari"][i % 4],
        `Q-${jakartaDate(now)}-${i + 1}`,
        createdAt - 2 * 3_600_000,
        kota,
        place,
        i % 3 === 0 ? "jaki_report" : "patrol",
        name,
        name ? 0 : 1,
        name ? null : `${sex === "male" ? "Mr." : "Mrs."} X, ±${age} th, ditemukan di ${place}, kaus lusuh`,
        sex,
        age,
        null,
        category,
        "Ditemukan tidur di tempat umum; bersedia dibawa ke panti.",
        i % 4 === 0 ? "Luka ringan di kaki, perlu perawatan." : null,
        i % 5 === 0 ? "Makan dan pakaian bersih." : null,
        i % 2 === 0 ? "Tas plastik berisi pakaian." : null,
        pantiId,
        "pending",
        null,
        null,
        createdAt,
      );
      result.pending += 1;
    });
    // A returning person: the same NIK as someone whose stay ended, referred again.
    const returning = client
      .prepare(
        `select per.* from persons per join stays s on s.person_id = per.id
         where per.nik is not null and s.exited_at is not null and s.exit_outcome in ('returned_family', 'own_request', 'absconded')
           and not exists (select 1 from stays o where o.person_id = per.id and o.exited_at is null)
         order by s.exited_at desc limit 1`,
      )
      .get() as { name: string | null; sex: "male" | "female"; nik: string; birth_year: number | null; ppks_category: string | null } | undefined;
    if (returning && pantiIds.has("PSBI-BD1")) {
      const createdAt = now.getTime() - 2 * 3_600_000;
      insertPending.run(
        "sudin_jakbar", "Rudi Hartono", `Q-${jakartaDate(now)}-R`, createdAt - 3_600_000, "Jakarta Barat", "Kolong Tol Cengkareng",
        "patrol", returning.name, returning.name ? 0 : 1, returning.name ? null : "Mr. X", returning.sex,
        returning.birth_year ? new Date(now).getUTCFullYear() - returning.birth_year : 50, returning.nik,
        returning.ppks_category ?? "gelandangan", "Pernah di panti sebelumnya; kembali ke jalan.", null, null, null,
        pantiIds.get("PSBI-BD1")!, "pending", null, null, createdAt,
      );
      result.pending += 1;
    }
  });
  write();

  // 4. Q1 2025 as published (its own persons and closed intake stays).
  result.fixture = loadQ1_2025(db);
  return result;
}
