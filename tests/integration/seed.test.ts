/**
 * The demo seed on real SQLite files: reference lists, registry, beds = capacity, the census on
 * regular and overflow beds, a consistent history (no bed or person in two places at once),
 * and the same data for the same options.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "#db/connection";
import { seedDatabase, type SeedResult } from "#db/seed";
import { verifyPassword } from "~/utils/password.server";

const NOW = new Date("2026-06-01T00:00:00+07:00");
const PASSWORD = "uji-seed-2026";
const options = { scale: 1, demoPassword: PASSWORD, now: NOW };

let dir: string;
let db: Db;
let twin: Db;
let result: SeedResult;
let twinResult: SeedResult;

const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(sql, ...params).n;
type Row = Record<string, unknown>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-seed-"));
  db = openDatabase(path.join(dir, "a.db"));
  result = seedDatabase(db, options);
  twin = openDatabase(path.join(dir, "b.db"));
  twinResult = seedDatabase(twin, options);
});

afterAll(() => {
  db?.$client.close();
  twin?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("seedDatabase", () => {
  it("loads the reference lists and the 27 panti of the registry", () => {
    expect(count("select count(*) as n from panti")).toBe(27);
    expect(count("select count(*) as n from ppks_categories")).toBe(26);
    expect(count("select count(*) as n from exit_outcomes")).toBe(12);
    expect(count("select count(*) as n from rehabilitation_stages")).toBe(7);
    expect(count("select count(*) as n from outreach_units where kota is null")).toBe(1);
    expect(one("select outcome_group, positive from exit_outcomes where code = 'deceased'")).toEqual({
      outcome_group: "other",
      positive: "neutral",
    });
    expect(all<{ code: string }>("select code from rehabilitation_stages order by position").map((r) => r.code)).toEqual([
      "pendekatan_awal",
      "asesmen",
      "rencana_intervensi",
      "intervensi",
      "resosialisasi",
      "terminasi",
      "bimbingan_lanjut",
    ]);
  });

  it("completes the registry from panti-profile.csv", () => {
    const tj2 = one<Row>("select * from panti where code = 'PSBR-TJ2'");
    expect(tj2).toMatchObject({ declared_capacity: 120, capacity_estimated: 1, kind: "upt", type: "youth" });
    const bm2 = one<Row & { target_categories: string }>("select * from panti where code = 'PSTW-BM2'");
    expect(bm2).toMatchObject({ declared_capacity: 175, capacity_estimated: 0, reported_residents: 440, age_min: 60 });
    expect(JSON.parse(bm2.target_categories)).toEqual(["lansia_terlantar"]);
    expect(one<Row>("select sex_served from panti where code = 'PSAA-PU5'").sex_served).toBe("female");
    expect(one<Row>("select kota from panti where code = 'PSAA-PU5'").kota).toBeNull();
    expect(count("select count(*) as n from panti where declared_capacity is null")).toBe(0);
  });

  it("gives every panti as many regular beds as its capacity", () => {
    const rows = all<{ code: string; capacity: number; regular: number }>(`
      select p.code, p.declared_capacity as capacity,
             (select count(*) from beds b where b.panti_id = p.id and b.overflow = 0) as regular
      from panti p`);
    for (const row of rows) expect(row.regular, row.code).toBe(row.capacity);
    // A few beds are out of service, each with a reason.
    expect(count("select count(*) as n from beds where status = 'out_of_service'")).toBeGreaterThan(50);
    expect(count("select count(*) as n from beds where status = 'out_of_service' and status_reason is null")).toBe(0);
  });

  it("puts each resident in a bed of a room of their sex", () => {
    expect(
      count(`
        select count(*) as n from bed_assignments ba
        join beds b on b.id = ba.bed_id join rooms r on r.id = b.room_id
        join stays s on s.id = ba.stay_id join persons p on p.id = s.person_id
        where r.sex <> 'mixed' and r.sex <> p.sex`),
    ).toBe(0);
  });

  it("never has a bed with two open assignments, an open stay on two beds, or a resident on a bed out of service", () => {
    expect(count("select count(*) as n from (select bed_id from bed_assignments where to_at is null group by bed_id having count(*) > 1)")).toBe(0);
    expect(count("select count(*) as n from (select stay_id from bed_assignments where to_at is null group by stay_id having count(*) > 1)")).toBe(0);
    expect(
      count(`select count(*) as n from bed_assignments ba join beds b on b.id = ba.bed_id
             where b.status = 'out_of_service' and (ba.to_at is null or ba.to_at > b.status_changed_at)`),
    ).toBe(0);
  });

  it("never overlaps two assignments on one bed, nor two stays of one person", () => {
    expect(
      count(`
        select count(*) as n from bed_assignments a join bed_assignments b
          on a.bed_id = b.bed_id and a.id < b.id
         and a.from_at < coalesce(b.to_at, 9e15) and b.from_at < coalesce(a.to_at, 9e15)`),
    ).toBe(0);
    expect(
      count(`
        select count(*) as n from stays a join stays b
          on a.person_id = b.person_id and a.id < b.id
         and a.admitted_at < coalesce(b.exited_at, 9e15) and b.admitted_at < coalesce(a.exited_at, 9e15)`),
    ).toBe(0);
  });

  it("matches each bed assignment to its stay", () => {
    expect(
      count(`select count(*) as n from bed_assignments ba join stays s on s.id = ba.stay_id
             where ba.from_at <> s.admitted_at or coalesce(ba.to_at, -1) <> coalesce(s.exited_at, -1)
                or (select panti_id from beds where id = ba.bed_id) <> s.panti_id`),
    ).toBe(0);
  });

  it("keeps PSTW-BM2 over capacity, on overflow beds", () => {
    const bm2 = one<{ census: number; capacity: number; overflow: number; on_overflow: number }>(`
      select (select count(*) from stays s where s.panti_id = p.id and s.exited_at is null) as census,
             p.declared_capacity as capacity,
             (select count(*) from beds b where b.panti_id = p.id and b.overflow = 1) as overflow,
             (select count(*) from bed_assignments ba join beds b on b.id = ba.bed_id
               where b.panti_id = p.id and b.overflow = 1 and ba.to_at is null) as on_overflow
      from panti p where p.code = 'PSTW-BM2'`);
    expect(bm2.census).toBeGreaterThan(bm2.capacity);
    expect(bm2.census).toBeLessThanOrEqual(Math.round(bm2.capacity * 1.6));
    expect(bm2.overflow).toBeGreaterThan(0);
    expect(bm2.on_overflow).toBe(bm2.overflow);
  });

  it("gives panti without a published census 85-100% of capacity", () => {
    const rows = all<{ code: string; census: number; capacity: number }>(`
      select p.code, p.declared_capacity as capacity,
             (select count(*) from stays s where s.panti_id = p.id and s.exited_at is null) as census
      from panti p where p.reported_residents is null`);
    for (const row of rows) {
      expect(row.census, row.code).toBeGreaterThanOrEqual(Math.floor(row.capacity * 0.85));
      expect(row.census, row.code).toBeLessThanOrEqual(row.capacity);
    }
  });

  it("leaves a few intake arrivals without a bed, and nobody else", () => {
    const unbedded = all<{ type: string; n: number }>(`
      select p.type, count(*) as n from stays s join panti p on p.id = s.panti_id
      where s.exited_at is null and not exists (select 1 from bed_assignments ba where ba.stay_id = s.id and ba.to_at is null)
      group by p.type`);
    expect(unbedded.map((r) => r.type)).toEqual(["intake"]);
    expect(unbedded[0]!.n).toBeGreaterThan(0);
    expect(unbedded[0]!.n).toBeLessThan(20);
  });

  it("dates every stay before now, and closes every closed stay with an outcome", () => {
    const now = NOW.getTime();
    expect(count("select count(*) as n from stays where admitted_at >= ?", now)).toBe(0);
    expect(count("select count(*) as n from stays where exited_at >= ?", now)).toBe(0);
    expect(count("select count(*) as n from bed_assignments where from_at >= ? or to_at >= ?", now, now)).toBe(0);
    expect(count("select count(*) as n from stays where exited_at is not null and (exited_at < admitted_at or exit_outcome is null)")).toBe(0);
    expect(count("select count(*) as n from stays where exited_at is null and exit_outcome is not null")).toBe(0);
    // A year of history: an intake panti turns over its beds every 21-30 days.
    const since = now - 365 * 86_400_000;
    expect(count("select count(*) as n from stays where exited_at >= ?", since)).toBeGreaterThan(10_000);
  });

  it("links re-entries and transfers to the person's previous stay", () => {
    expect(count("select count(*) as n from stays where reentry = 1")).toBeGreaterThan(0);
    expect(count("select count(*) as n from stays where reentry = 1 and previous_stay_id is null")).toBe(0);
    expect(
      count(`select count(*) as n from stays s join stays prev on prev.id = s.previous_stay_id
             where prev.person_id <> s.person_id or prev.exited_at > s.admitted_at`),
    ).toBe(0);
    // A transfer names the panti that took the person in.
    expect(
      count(`select count(*) as n from stays s join stays prev on prev.id = s.previous_stay_id
             where prev.exit_outcome = 'transferred_panti' and s.reentry = 0
               and json_extract(prev.exit_details, '$.toPantiId') <> s.panti_id`),
    ).toBe(0);
  });

  it("creates persons with unique NIKs that fit their sex, and some unidentified", () => {
    expect(count("select count(*) as n from (select nik from persons where nik is not null group by nik having count(*) > 1)")).toBe(0);
    expect(count("select count(*) as n from persons where nik is not null and length(nik) <> 16")).toBe(0);
    const share = one<{ nik: number; unidentified: number; total: number }>(
      "select sum(nik is not null) as nik, sum(unidentified) as unidentified, count(*) as total from persons",
    );
    expect(share.nik / share.total).toBeGreaterThan(0.5);
    expect(share.unidentified).toBeGreaterThan(0);
    expect(count("select count(*) as n from persons where unidentified = 1 and (name is not null or description is null)")).toBe(0);
    // NIK digits 7-8 are the day of birth, plus 40 for women.
    expect(
      count(`select count(*) as n from persons where nik is not null
             and cast(substr(nik, 7, 2) as integer) - (case sex when 'female' then 40 else 0 end)
                 <> cast(substr(birth_date, 9, 2) as integer)`),
    ).toBe(0);
    expect(count("select count(*) as n from persons where birth_year is null")).toBe(0);
  });

  it("creates one user per demo username with the expected role and panti", () => {
    const users = all<{ username: string; role: string; panti: string | null; outreach_unit: string | null }>(`
      select u.username, u.role, p.code as panti, u.outreach_unit from users u left join panti p on p.id = u.panti_id
      order by u.username`);
    expect(users).toEqual(
      [
        { username: "admin", role: "dinsos_admin", panti: null, outreach_unit: null },
        { username: "admin.bd1", role: "panti_admin", panti: "PSBI-BD1", outreach_unit: null },
        { username: "admin.bm1", role: "panti_admin", panti: "PSTW-BM1", outreach_unit: null },
        { username: "admin.hs2", role: "panti_admin", panti: "PSBL-HS2", outreach_unit: null },
        { username: "admin.tj1", role: "panti_admin", panti: "PSBR-TJ1", outreach_unit: null },
        { username: "analis", role: "dinsos_viewer", panti: null, outreach_unit: null },
        { username: "instruktur.tj1", role: "instructor", panti: "PSBR-TJ1", outreach_unit: null },
        { username: "p3s.jakbar", role: "outreach", panti: null, outreach_unit: "sudin_jakbar" },
        { username: "psikolog.hs2", role: "psychosocial", panti: "PSBL-HS2", outreach_unit: null },
      ].sort((a, b) => (a.username < b.username ? -1 : 1)),
    );
    const hash = one<{ password_hash: string }>("select password_hash from users where username = 'admin'").password_hash;
    expect(verifyPassword(PASSWORD, hash)).toBe(true);
    expect(result.logins).toHaveLength(9);
    expect(result.logins.every((l) => l.password === PASSWORD)).toBe(true);
    expect(result.logins.find((l) => l.username === "admin.bd1")).toEqual({
      username: "admin.bd1",
      role: "panti_admin",
      panti: "PSBI-BD1",
      password: PASSWORD,
    });
  });

  it("reports the row counts and records the seed in the audit log", () => {
    for (const [table, n] of Object.entries(result.counts)) {
      expect(count(`select count(*) as n from "${table}"`), table).toBe(n);
    }
    const audit = one<{ action: string; entity: string; user_id: number | null; after: string }>(
      "select action, entity, user_id, after from audit_log",
    );
    expect(audit).toMatchObject({ action: "seed", entity: "database", user_id: null });
    expect(JSON.parse(audit.after)).toEqual(result.counts);
  });

  it("adds requests waiting for approval: a draft plan, a child's exit and the draft hand-off, each for someone else to decide", () => {
    const rows = all<{ kind: string; reason: string | null; requester: string; panti: string }>(
      "select a.kind, a.reason, u.username as requester, p.code as panti from approvals a join users u on u.id = a.requested_by join panti p on p.id = a.panti_id where a.status = 'pending' order by a.id",
    );
    expect(rows).toEqual([
      { kind: "plan", reason: null, requester: "psikolog.hs2", panti: "PSBL-HS2" },
      { kind: "exit", reason: "child", requester: "admin.tj1", panti: "PSBR-TJ1" },
      { kind: "handoff", reason: null, requester: expect.stringMatching(/^admin\./), panti: expect.any(String) },
    ]);
    // The child's exit has not happened: the stay is open and keeps its bed.
    expect(count("select count(*) as n from approvals a join stays s on s.id = a.stay_id where a.kind = 'exit' and s.exited_at is null")).toBe(1);
  });

  it("adds FKD-MPU hand-offs in several statuses, each with its history, and a tracing request each way", () => {
    const statuses = all<{ direction: string; status: string }>("select direction, status from handoffs order by id");
    expect(statuses).toEqual([
      { direction: "outgoing", status: "draft" },
      { direction: "outgoing", status: "sent" },
      { direction: "outgoing", status: "accepted" },
      { direction: "outgoing", status: "closed" },
      { direction: "incoming", status: "received" },
      { direction: "incoming", status: "declined" },
    ]);
    expect(count("select count(*) as n from handoffs h where not exists (select 1 from handoff_events e where e.handoff_id = h.id and e.status = h.status)")).toBe(0);
    expect(count("select count(*) as n from handoffs where status <> 'draft' and direction = 'outgoing' and signature is null")).toBe(0);
    // The closed one is the hand-off of a repatriation exit.
    expect(count("select count(*) as n from stays s join handoffs h on h.stay_id = s.id where h.status = 'closed' and json_extract(s.exit_details, '$.handoffId') = h.id")).toBe(1);
    expect(all<{ direction: string }>("select direction from tracing_requests order by id").map((r) => r.direction)).toEqual(["outgoing", "incoming"]);
    expect(all("select packet_id, status from handoffs order by id")).toEqual(twin.$client.prepare("select packet_id, status from handoffs order by id").all());
  });

  it("refuses a database that is not empty", () => {
    expect(() => seedDatabase(db, options)).toThrowError(/not empty/);
  });

  it("gives the measure reports something to find: records entered late and returns after a positive exit", () => {
    const day = 86_400_000;
    // One stay in 17 had its admission entered 8 to 17 days late, one in 19 its exit.
    const lateAdmissions = count(`select count(*) as n from stays where created_at - admitted_at > ${8 * day}`);
    const lateExits = count(`select count(*) as n from stays where exit_recorded_at - exited_at > ${8 * day}`);
    expect(lateAdmissions).toBeGreaterThan(result.counts.stays! / 40);
    expect(lateAdmissions).toBeLessThan(result.counts.stays! / 12);
    expect(lateExits).toBeGreaterThan(100);
    // Nothing was entered before it happened, and no exit is still inside its undo grace period.
    expect(count("select count(*) as n from stays where created_at < admitted_at or exit_recorded_at < exited_at")).toBe(0);
    expect(count(`select count(*) as n from stays where exit_recorded_at > ?`, NOW.getTime() - 3 * day)).toBe(count(`select count(*) as n from stays where exited_at > ?`, NOW.getTime() - 3 * day));
    const returned = count(`
      select count(*) as n from stays s
      where s.exit_outcome in ('returned_family', 'repatriated_home_region', 'independent_living', 'adopted', 'programme_completed')
        and exists (select 1 from stays l where l.person_id = s.person_id and l.admitted_at > s.exited_at and l.admitted_at <= s.exited_at + ${180 * day})`);
    expect(returned).toBeGreaterThan(50);
  });

  it("gives the same data for the same options", () => {
    expect(twinResult.counts).toEqual(result.counts);
    const persons = (d: Db) =>
      d.$client.prepare("select id, name, nik, sex, birth_date, description from persons order by id").all();
    const stays = (d: Db) =>
      d.$client
        .prepare("select id, person_id, panti_id, admitted_at, exited_at, exit_outcome, exit_destination, current_stage from stays order by id")
        .all();
    const assignments = (d: Db) => d.$client.prepare("select * from bed_assignments order by id").all();
    expect(persons(twin)).toEqual(persons(db));
    expect(stays(twin)).toEqual(stays(db));
    expect(assignments(twin)).toEqual(assignments(db));
  });

  it("has restricted records, serious recent incidents, read-log rows and consents", () => {
    expect(count("select count(*) as n from persons where restricted = 1 and restriction_category is not null and restriction_reason is not null")).toBeGreaterThanOrEqual(3);
    const fortnight = NOW.getTime() - 14 * 86_400_000;
    expect(
      count("select count(*) as n from incidents where severity in ('high', 'critical') and occurred_at >= ? and acknowledged_at is null", fortnight),
    ).toBeGreaterThan(0);
    expect(count("select count(*) as n from incidents i join stays s on s.id = i.stay_id where i.occurred_at < s.admitted_at or i.occurred_at > ?", NOW.getTime())).toBe(0);
    expect(count("select count(*) as n from case_file_reads r join persons p on p.id = r.person_id where p.restricted = 1")).toBeGreaterThan(0);
    expect(count("select count(*) as n from stays s join incidents i on i.id = s.exit_incident_id where s.exit_outcome = 'deceased' and i.type = 'death' and i.stay_id = s.id")).toBeGreaterThan(0);
    expect(count("select count(*) as n from consents where expires_on < ?", "2026-06-01")).toBeGreaterThan(0);
    expect(count("select count(*) as n from placements where external_ref = 'SG-NEAR-MATCH' and status = 'pending'")).toBe(1);
    const same = (d: Db) => d.$client.prepare("select stay_id, type, severity, occurred_at from incidents order by id").all();
    expect(same(twin)).toEqual(same(db));
  });
});

describe("seedDatabase for a Jawa Barat instance (PANTI_PROVINCE=32)", () => {
  const seedJabar = (file: string) => {
    const previous = process.env.PANTI_PROVINCE;
    process.env.PANTI_PROVINCE = "32";
    try {
      const jabar = openDatabase(path.join(dir, file));
      return { jabar, seeded: seedDatabase(jabar, options) };
    } finally {
      if (previous === undefined) delete process.env.PANTI_PROVINCE;
      else process.env.PANTI_PROVINCE = previous;
    }
  };

  it("gives it a small demo registry of its own, marked as demo, the same each time", () => {
    const { jabar, seeded } = seedJabar("jabar-a.db");
    const { jabar: again } = seedJabar("jabar-b.db");
    const q = (d: Db, sql: string) => d.$client.prepare(sql).all();
    try {
      const registry = q(jabar, "select code, name, kota from panti order by id") as { code: string; name: string; kota: string }[];
      expect(registry.map((p) => p.kota)).toEqual(["Kota Bandung", "Kota Bekasi"]);
      for (const p of registry) expect(p.name).toMatch(/\(DEMO\)$/);
      expect(seeded.logins.map((l) => l.username)).toEqual(["admin", "analis", "admin.bdg", "admin.bks"]);
      expect(seeded.counts).toMatchObject({ panti: 2, persons: 5, stays: 5, partner_provinces: 10, handoffs: 0 });
      // Each resident on a bed of a ward of their sex, in the panti of their stay.
      expect(q(jabar, `select count(*) as n from stays s join bed_assignments a on a.stay_id = s.id join beds b on b.id = a.bed_id join rooms r on r.id = b.room_id join persons p on p.id = s.person_id where r.sex = p.sex and b.panti_id = s.panti_id`)).toEqual([{ n: 5 }]);
      expect(q(jabar, "select count(*) as n from audit_log where action = 'seed' and entity = 'database'")).toEqual([{ n: 1 }]);
      for (const table of ["panti", "rooms", "beds", "persons", "stays", "bed_assignments"]) {
        expect(q(again, `select * from ${table} order by id`)).toEqual(q(jabar, `select * from ${table} order by id`));
      }
      const admin = jabar.$client.prepare("select password_hash as hash from users where username = 'admin.bdg'").get() as { hash: string };
      expect(verifyPassword(PASSWORD, admin.hash)).toBe(true);
    } finally {
      jabar.$client.close();
      again.$client.close();
    }
  });
});
