/**
 * Approvals in the demo data (deterministic for a given `now`): a draft intervention plan written
 * by the psychologist of PSBL-HS2 waiting for its panti admin, a child's exit to the family
 * requested by a panti admin and waiting for a second person, and the draft hand-off waiting for
 * approval before it can be sent. Run after the population, the demo users and the hand-offs; like
 * the rest of the demo data, the requests have no audit rows (the seed's one row reports them).
 */
import { createHash } from "node:crypto";
import { planVersion } from "../../app/domain/approvals";
import { exitRequestPayload, exitSchema } from "../../app/domain/exits";
import { jakartaDate, jakartaDateTimeInput, toJakartaParts } from "../../app/domain/time";
import { canonicalJson } from "../../app/utils/signing.server";
import type { Db } from "../connection";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function seedApprovals(db: Db, now: Date): { approvals: number } {
  const client = db.$client;
  const t = now.getTime();
  const userId = (username: string) => (client.prepare("select id from users where username = ?").get(username) as { id: number } | undefined)?.id ?? null;
  /** The demo panti admin of a panti, if the demo has one. */
  const pantiAdmin = (pantiId: number) =>
    (client.prepare("select id from users where role = 'panti_admin' and panti_id = ? order by id limit 1").get(pantiId) as { id: number } | undefined)?.id ?? null;
  const insert = client.prepare(
    `insert into approvals (kind, subject_id, panti_id, stay_id, person_id, status, level, reason, version, payload, requested_by, requested_at)
     values (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
  );
  let count = 0;
  const request = (r: { kind: string; subjectId: number; pantiId: number; stayId: number; personId: number; level: string; reason: string | null; version: string; payload: unknown; by: number; at: number }) => {
    insert.run(r.kind, r.subjectId, r.pantiId, r.stayId, r.personId, r.level, r.reason, r.version, r.payload == null ? null : JSON.stringify(r.payload), r.by, r.at);
    count += 1;
  };

  client.transaction(() => {
    // A draft plan by the psychologist of PSBL-HS2, for its first named resident.
    const psychologist = userId("psikolog.hs2");
    const hs2 = client
      .prepare(
        `select s.id as stayId, s.panti_id as pantiId, s.person_id as personId, s.admitted_at as admittedAt from stays s
         join panti p on p.id = s.panti_id join persons per on per.id = s.person_id
         where p.code = 'PSBL-HS2' and s.exited_at is null and per.name is not null and per.restricted = 0 order by s.id limit 1`,
      )
      .get() as { stayId: number; pantiId: number; personId: number; admittedAt: number } | undefined;
    if (psychologist && hs2) {
      const at = Math.max(t - 2 * DAY, hs2.admittedAt + HOUR);
      const plan = {
        createdOn: jakartaDate(new Date(at)),
        goals: [
          { goal: "Minum obat teratur tanpa diingatkan", intervention: "Pendampingan minum obat harian, psikoedukasi", targetDate: jakartaDate(new Date(t + 60 * DAY)), status: "open" as const },
          { goal: "Keluarga dihubungi kembali", intervention: "Penelusuran keluarga melalui Sudin Sosial", targetDate: jakartaDate(new Date(t + 90 * DAY)), status: "open" as const },
        ],
      };
      const planId = Number(
        client
          .prepare(`insert into intervention_plans (stay_id, created_on, goals, recorded_by, created_at) values (?, ?, ?, ?, ?)`)
          .run(hs2.stayId, plan.createdOn, JSON.stringify(plan.goals), psychologist, at).lastInsertRowid,
      );
      request({ kind: "plan", subjectId: planId, pantiId: hs2.pantiId, stayId: hs2.stayId, personId: hs2.personId, level: "panti", reason: null, version: planVersion(plan), payload: null, by: psychologist, at });
    }

    // A child's exit to the family, requested by the panti admin (PSBR-TJ1 first, the youth panti).
    const youngestBorn = toJakartaParts(now).year - 17;
    const child = client
      .prepare(
        `select s.id as stayId, s.panti_id as pantiId, s.person_id as personId from stays s
         join panti p on p.id = s.panti_id join persons per on per.id = s.person_id
         where s.exited_at is null and per.name is not null and per.restricted = 0 and per.birth_year >= ?
           and exists (select 1 from users u where u.role = 'panti_admin' and u.panti_id = s.panti_id)
         order by (p.code = 'PSBR-TJ1') desc, s.id limit 1`,
      )
      .get(youngestBorn) as { stayId: number; pantiId: number; personId: number } | undefined;
    if (child) {
      const by = pantiAdmin(child.pantiId)!;
      const exit = exitSchema.parse({
        outcome: "returned_family",
        exitedAt: jakartaDateTimeInput(new Date(t - 3 * HOUR)),
        familyName: "Sumiati",
        familyRelation: "ibu",
        familyAddress: "Kampung Melayu, Jakarta Timur (data demo)",
        docKtp: "on",
        docKk: "on",
        docSignedStatement: "on",
        notes: "Ibu datang menjemput; surat pernyataan ditandatangani (data demo).",
      });
      request({ kind: "exit", subjectId: child.stayId, pantiId: child.pantiId, stayId: child.stayId, personId: child.personId, level: "panti", reason: "child", version: String(child.stayId), payload: exitRequestPayload(exit), by, at: t - 2 * HOUR });
    }

    // The draft hand-off waits for approval before it can be sent (version: its packet's hash).
    const drafts = client
      .prepare(`select h.id, h.panti_id as pantiId, h.stay_id as stayId, h.person_id as personId, h.packet, h.created_at as createdAt, per.restricted from handoffs h join persons per on per.id = h.person_id where h.direction = 'outgoing' and h.status = 'draft' order by h.id`)
      .all() as { id: number; pantiId: number; stayId: number; personId: number; packet: string; createdAt: number; restricted: number }[];
    for (const d of drafts) {
      const by = pantiAdmin(d.pantiId) ?? userId("admin");
      if (by == null) continue;
      const version = createHash("sha256").update(canonicalJson(JSON.parse(d.packet))).digest("hex");
      request({ kind: "handoff", subjectId: d.id, pantiId: d.pantiId, stayId: d.stayId, personId: d.personId, level: d.restricted ? "dinsos" : "panti", reason: null, version, payload: null, by, at: d.createdAt });
    }
  })();
  return { approvals: count };
}
