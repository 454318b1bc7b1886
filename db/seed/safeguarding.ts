/**
 * Safeguarding in the demo data: a few restricted records (at the women's, children's and
 * violence-victims' panti), incidents on current stays (some serious and recent, for the home
 * pages) and behind the latest exits as absconded or deceased (linked from the exit), rows in the log of who opened case files, and consents (some expired or expiring).
 * Plus one pending referral to PSBL-HS2 whose name is a near spelling of a resident of PSTW-BM1
 * (one whose name no other person has): the duplicate candidate that the browser test masks by
 * marking that resident restricted.
 *
 * `seedSafeguarding(db, now)` is deterministic for a given `now`. It expects the panti, persons,
 * stays and demo users to be seeded already.
 */
import { jakartaDate } from "../../app/domain/time";
import {
  CONSENT_PURPOSES,
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  type CaseFilePage,
  type IncidentNotified,
  type IncidentSeverity,
  type IncidentType,
  type RestrictionReason,
} from "../../app/domain/safeguarding";
import type { Db } from "../connection";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SafeguardingSeedCounts {
  restricted: number;
  incidents: number;
  reads: number;
  consents: number;
}

/** The external reference of the referral the browser test uses. */
export const NEAR_MATCH_REF = "SG-NEAR-MATCH";

/** A spelling of a name that is close (for the duplicate search) but does not contain it. */
export function nearSpelling(name: string): string {
  const last = name.at(-1)!;
  return name.slice(0, -1) + (last === "a" ? "e" : "a");
}

function isoDay(ms: number): string {
  return jakartaDate(new Date(ms));
}

export function seedSafeguarding(db: Db, now: Date): SafeguardingSeedCounts {
  const client = db.$client;
  const t = now.getTime();
  const counts: SafeguardingSeedCounts = { restricted: 0, incidents: 0, reads: 0, consents: 0 };
  const userId = (username: string) => (client.prepare("select id from users where username = ?").get(username) as { id: number } | undefined)?.id ?? null;
  const dinsos = userId("admin");

  client.transaction(() => {
    // Restricted records: the first current resident (by stay) of each of these panti types.
    const restrictions: [string, RestrictionReason, string][] = [
      ["women", "trafficking", "Korban perdagangan orang; jaringan pelaku belum tertangkap."],
      ["violence_victims", "violence", "Korban KDRT; pelaku mencari keberadaannya."],
      ["children", "child_at_risk", "Anak dalam pengasuhan sementara; ada sengketa hak asuh."],
    ];
    const restrict = client.prepare(
      `update persons set restricted = 1, restriction_category = ?, restriction_reason = ?, restricted_at = ?, restricted_by = ? where id = ?`,
    );
    for (const [type, category, reason] of restrictions) {
      const row = client
        .prepare(
          `select per.id from stays s join persons per on per.id = s.person_id join panti p on p.id = s.panti_id
           where p.type = ? and s.exited_at is null and per.name is not null and per.restricted = 0 order by s.id limit 1`,
        )
        .get(type) as { id: number } | undefined;
      if (!row) continue;
      restrict.run(category, reason, t - 20 * DAY, dinsos, row.id);
      counts.restricted += 1;
    }

    // Incidents: every 23rd current stay, types and severities in turn; the first few are recent.
    const open = client
      .prepare(`select s.id, s.panti_id as pantiId, s.admitted_at as admittedAt from stays s where s.exited_at is null order by s.id`)
      .all() as { id: number; pantiId: number; admittedAt: number }[];
    const insertIncident = client.prepare(
      `insert into incidents (stay_id, panti_id, type, severity, occurred_at, description, action_taken, notified, notified_other, recorded_by, acknowledged_at, acknowledged_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const descriptions: Record<(typeof INCIDENT_TYPES)[number], [string, string]> = {
      absconding: ["Tidak ada di kamar saat apel malam.", "Pencarian di sekitar panti, lapor ke polsek."],
      violence: ["Perkelahian dengan penghuni lain di ruang makan.", "Dipisahkan, konseling dengan pekerja sosial."],
      injury: ["Terjatuh di kamar mandi, luka di lutut.", "Dirawat di klinik panti."],
      illness: ["Demam tinggi dua hari.", "Dibawa ke puskesmas, diberi obat."],
      self_harm: ["Melukai tangan sendiri dengan benda tajam.", "Pertolongan pertama, dirujuk ke psikolog dan RSJ."],
      death: ["Meninggal dunia saat tidur.", "Dokter puskesmas dipanggil, keluarga dan Dinsos diberi tahu."],
      other: ["Barang milik penghuni hilang.", "Dicatat dan diselidiki oleh petugas."],
    };
    /** One incident with the type's texts; acknowledged by Dinsos at `acknowledgedAt` when given. */
    const addIncident = (
      stay: { id: number; pantiId: number },
      type: IncidentType,
      severity: IncidentSeverity,
      occurredAt: number,
      notified: IncidentNotified[],
      acknowledgedAt: number | null,
    ): number =>
      Number(
        insertIncident.run(
          stay.id,
          stay.pantiId,
          type,
          severity,
          occurredAt,
          descriptions[type][0],
          descriptions[type][1],
          JSON.stringify(notified),
          null,
          null,
          acknowledgedAt,
          acknowledgedAt == null ? null : dinsos,
          occurredAt + HOUR,
        ).lastInsertRowid,
      );
    const picked = open.filter((_, i) => i % 23 === 0);
    picked.forEach((stay, i) => {
      const type = INCIDENT_TYPES[i % INCIDENT_TYPES.length]!;
      // Death of a current resident would have ended the stay: current stays get the others.
      const kind = type === "death" ? "illness" : type;
      const severity = INCIDENT_SEVERITIES[(i * 3 + 1) % INCIDENT_SEVERITIES.length]!;
      const wanted = t - (i < 6 ? (i + 1) * DAY : (i * 9 + 15) * DAY);
      // Within the stay: halfway through it when the stay began after the wanted date.
      const occurredAt = wanted > stay.admittedAt ? wanted : Math.round(stay.admittedAt + (t - stay.admittedAt) / 2);
      const notified: IncidentNotified[] = severity === "critical" ? ["family", "health", "dinsos"] : severity === "high" ? ["health"] : [];
      // Older serious incidents were acknowledged; the recent ones wait on the home pages.
      const acknowledged = i >= 6 && (severity === "high" || severity === "critical");
      addIncident(stay, kind, severity, occurredAt, notified, acknowledged ? occurredAt + DAY : null);
      counts.incidents += 1;
    });

    // Exits as absconded or deceased refer to their incident (the 40 latest of each).
    const linkExit = client.prepare(`update stays set exit_incident_id = ? where id = ?`);
    for (const [outcome, type, severity] of [["absconded", "absconding", "high"], ["deceased", "death", "critical"]] as const) {
      const ended = client
        .prepare(`select id, panti_id as pantiId, admitted_at as admittedAt, exited_at as exitedAt from stays where exit_outcome = ? order by exited_at desc, id desc limit 40`)
        .all(outcome) as { id: number; pantiId: number; admittedAt: number; exitedAt: number }[];
      for (const stay of ended) {
        const occurredAt = Math.max(stay.admittedAt, stay.exitedAt - 2 * HOUR);
        const notified: IncidentNotified[] = type === "death" ? ["family", "health", "dinsos"] : ["family", "police"];
        const incidentId = addIncident(stay, type, severity, occurredAt, notified, stay.exitedAt);
        linkExit.run(incidentId, stay.id);
        counts.incidents += 1;
      }
    }

    // Who opened case files: the restricted records, opened by their panti's staff and by Dinsos.
    const reads = client
      .prepare(
        `select per.id as personId, s.id as stayId, s.panti_id as pantiId from persons per join stays s on s.person_id = per.id and s.exited_at is null
         where per.restricted = 1 order by per.id`,
      )
      .all() as { personId: number; stayId: number; pantiId: number }[];
    const staff = client.prepare(`select id from users where panti_id = ? and role in ('panti_admin', 'psychosocial') order by id`);
    const insertRead = client.prepare(
      `insert into case_file_reads (at, user_id, person_id, stay_id, panti_id, page, restricted) values (?, ?, ?, ?, ?, ?, ?)`,
    );
    const pages: CaseFilePage[] = ["case_file", "assessment", "plan", "family", "case_file", "summary"];
    for (const r of reads) {
      const readers = [...(staff.all(r.pantiId) as { id: number }[]).map((u) => u.id), ...(dinsos ? [dinsos] : [])];
      pages.forEach((page, i) => {
        const reader = readers[i % Math.max(1, readers.length)];
        if (reader == null) return;
        insertRead.run(t - (pages.length - i) * 2 * DAY + 9 * HOUR, reader, r.personId, r.stayId, r.pantiId, page, 1);
        counts.reads += 1;
      });
    }

    // Consents: for every 31st current stay, each purpose in turn, some expired, some expiring.
    const insertConsent = client.prepare(
      `insert into consents (person_id, panti_id, purpose, decision, decided_on, expires_on, on_behalf_by, on_behalf_reason, recorded_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const withPerson = client
      .prepare(`select s.person_id as personId, s.panti_id as pantiId, p.type from stays s join panti p on p.id = s.panti_id where s.exited_at is null order by s.id`)
      .all() as { personId: number; pantiId: number; type: string }[];
    withPerson
      .filter((_, i) => i % 31 === 0)
      .forEach((r, i) => {
        const purpose = CONSENT_PURPOSES[i % CONSENT_PURPOSES.length]!;
        const decision = i % 7 === 3 ? "refused" : "given";
        const decided = t - (200 - (i % 5) * 30) * DAY;
        // In turn: expired a month ago, expiring in two weeks, valid for a year, no end date.
        const expires = [t - 30 * DAY, t + 14 * DAY, t + 365 * DAY, null][i % 4] ?? null;
        const onBehalf = r.type === "children" || r.type === "mental";
        insertConsent.run(
          r.personId,
          r.pantiId,
          purpose,
          decision,
          isoDay(decided),
          expires == null || decision !== "given" ? null : isoDay(expires),
          onBehalf ? (r.type === "children" ? "Wali (paman)" : "Kepala panti") : null,
          onBehalf ? (r.type === "children" ? "Anak di bawah umur." : "Tidak cakap memberi persetujuan (klaster berat).") : null,
          dinsos,
          decided,
        );
        counts.consents += 1;
      });

    // The near match for the browser test: a resident of PSTW-BM1 referred (spelled a little
    // differently, without NIK) to PSBL-HS2.
    const resident = client
      .prepare(
        `select per.name, per.sex, per.birth_year as birthYear from stays s join persons per on per.id = s.person_id join panti p on p.id = s.panti_id
         where p.code = 'PSTW-BM1' and s.exited_at is null and per.name is not null and per.restricted = 0 and per.birth_year is not null
           and (select count(*) from persons same where same.name = per.name) = 1
         order by s.id limit 1`,
      )
      .get() as { name: string; sex: "male" | "female"; birthYear: number } | undefined;
    const target = client.prepare(`select id from panti where code = 'PSBL-HS2'`).get() as { id: number } | undefined;
    if (resident && target) {
      const createdAt = t - 3 * HOUR;
      client
        .prepare(
          `insert into placements (outreach_unit, officer_name, source, external_ref, found_at, found_kota, found_place, reach_method,
             person_name, unidentified, sex, estimated_age, ppks_category, disability_subtypes, assessment_summary, target_panti_id, status, created_at)
           values ('sudin_jaktim', 'Dewi Lestari', 'form', ?, ?, 'Jakarta Timur', 'Halte Cawang', 'patrol', ?, 0, ?, ?, 'penyandang_disabilitas', '[]',
             'Ditemukan di halte; mengaku pernah tinggal di panti.', ?, 'pending', ?)`,
        )
        .run(NEAR_MATCH_REF, createdAt - HOUR, nearSpelling(resident.name), resident.sex, new Date(t).getUTCFullYear() - resident.birthYear, target.id, createdAt);
    }
  })();
  return counts;
}
