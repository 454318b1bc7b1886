/** Read models for referrals: lists and queues in the actor's scope, one referral, matching and dedup. */
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { bedAssignments, beds, panti, persons, placements, rooms, stays, users } from "#db/schema";
import { rankCandidates, BIRTH_YEAR_TOLERANCE, type DedupMatch } from "~/domain/dedup";
import type { PlacementStatus, Sex } from "~/domain/enums";
import { forSex, rankPanti, type BedChoice, type MatchCandidate } from "~/domain/matching";
import { birthYearOf, placementAge } from "~/domain/placements";
import { scopeFor, type Actor } from "~/domain/permissions";
import { referralDifferences, type FieldDifference, type ReferralFacts } from "~/domain/person-link";
import { displayName } from "~/domain/persons";
import { nameVisible } from "~/domain/safeguarding";
import { homePantiOf } from "./restricted.server";
import { db, type Db } from "~/utils/db.server";
import { occupancyByPanti } from "./occupancy.server";
import { boundedCount, pageFigures, pageOfIds } from "./paging.server";

/** The `where` that keeps an actor to their own referrals: their panti's, their unit's, or all. */
export function placementScopeWhere(actor: Actor): SQL | undefined {
  const scope = scopeFor(actor, "placement:read");
  switch (scope.kind) {
    case "all":
      return undefined;
    case "unit":
      return eq(placements.outreachUnit, scope.unit);
    case "panti":
      // A panti sees referrals addressed to it and the transfers it sent.
      return or(eq(placements.targetPantiId, scope.pantiId), eq(placements.fromPantiId, scope.pantiId));
    case "none":
      return sql`0`;
  }
}

export interface PlacementListFilter {
  status?: PlacementStatus;
  pantiId?: number;
  unit?: string;
  page?: number;
}

export const PAGE_SIZE = 50;

/** The referrals a list shows: the actor's scope and the list's filters. */
export function placementListWhere(actor: Actor, filter: Omit<PlacementListFilter, "page">): SQL | undefined {
  return and(
    placementScopeWhere(actor),
    filter.status ? eq(placements.status, filter.status) : undefined,
    filter.pantiId ? eq(placements.targetPantiId, filter.pantiId) : undefined,
    filter.unit ? eq(placements.outreachUnit, filter.unit) : undefined,
  );
}

/**
 * Pending referrals are a queue: oldest first. Decided ones read newest first. The id breaks ties
 * in the same direction, so that each filter's index (status, panti, unit, each with the time
 * created) gives the order as it stands, read forwards or backwards.
 */
export function placementListOrder(status: PlacementStatus | undefined) {
  return status === "pending" ? [asc(placements.createdAt), asc(placements.id)] : [desc(placements.createdAt), desc(placements.id)];
}

export function listPlacements(actor: Actor, filter: PlacementListFilter) {
  const where = placementListWhere(actor, filter);
  const page = Math.max(1, filter.page ?? 1);
  const order = placementListOrder(filter.status);
  const { ids, hasNext } = pageOfIds(db.select({ id: placements.id }).from(placements).where(where).orderBy(...order), page, PAGE_SIZE);
  const rows =
    ids.length === 0
      ? []
      : db
          .select({
            id: placements.id,
            createdAt: placements.createdAt,
            foundAt: placements.foundAt,
            outreachUnit: placements.outreachUnit,
            officerName: placements.officerName,
            personName: placements.personName,
            unidentified: placements.unidentified,
            sex: placements.sex,
            estimatedAge: placements.estimatedAge,
            birthDate: placements.birthDate,
            ppksCategory: placements.ppksCategory,
            status: placements.status,
            source: placements.source,
            decidedAt: placements.decidedAt,
            targetPantiId: placements.targetPantiId,
            targetPantiName: panti.name,
            stayId: placements.stayId,
          })
          .from(placements)
          .innerJoin(panti, eq(panti.id, placements.targetPantiId))
          .where(inArray(placements.id, ids))
          .orderBy(...order)
          .all();
  return {
    rows: rows.map((r) => ({ ...r, name: displayName({ name: r.personName, unidentified: r.unidentified, sex: r.sex }) })),
    ...pageFigures(page, PAGE_SIZE, boundedCount(placements, where), hasNext),
  };
}

/** Counts of pending referrals per panti in scope (for navigation badges and the queue). */
export function pendingCount(actor: Actor): number {
  return (
    db
      .select({ n: count() })
      .from(placements)
      .where(and(placementScopeWhere(actor), eq(placements.status, "pending")))
      .get()?.n ?? 0
  );
}

/** One referral, or null when it does not exist or is outside the actor's scope. */
export function getPlacement(actor: Actor, id: number) {
  const row = db
    .select()
    .from(placements)
    .where(and(eq(placements.id, id), placementScopeWhere(actor)))
    .get();
  if (!row) return null;
  const target = db.select({ id: panti.id, name: panti.name, code: panti.code, type: panti.type, address: panti.address, kota: panti.kota }).from(panti).where(eq(panti.id, row.targetPantiId)).get()!;
  const decidedBy = row.decidedBy ? db.select({ name: users.name }).from(users).where(eq(users.id, row.decidedBy)).get()?.name ?? null : null;
  const createdBy = row.createdBy ? db.select({ name: users.name }).from(users).where(eq(users.id, row.createdBy)).get()?.name ?? null : null;
  const redirectedTo = row.redirectedToId
    ? db
        .select({ id: placements.id, pantiName: panti.name, status: placements.status })
        .from(placements)
        .innerJoin(panti, eq(panti.id, placements.targetPantiId))
        .where(eq(placements.id, row.redirectedToId))
        .get() ?? null
    : null;
  const admission = row.stayId
    ? db
        .select({ stayId: stays.id, admittedAt: stays.admittedAt, bedLabel: beds.label, roomName: rooms.name, overflow: beds.overflow })
        .from(stays)
        .leftJoin(bedAssignments, eq(bedAssignments.stayId, stays.id))
        .leftJoin(beds, eq(beds.id, bedAssignments.bedId))
        .leftJoin(rooms, eq(rooms.id, beds.roomId))
        .where(eq(stays.id, row.stayId))
        .orderBy(asc(bedAssignments.fromAt))
        .get() ?? null
    : null;
  return {
    ...row,
    name: displayName({ name: row.personName, unidentified: row.unidentified, sex: row.sex }),
    age: placementAge(row, new Date()),
    target,
    decidedByName: decidedBy,
    createdByName: createdBy,
    redirectedTo,
    admission,
  };
}
export type PlacementDetail = NonNullable<ReturnType<typeof getPlacement>>;

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

/** Free regular beds in service per panti and ward sex. */
function freeBedsBySex(): Map<number, Record<"male" | "female" | "mixed", number>> {
  const rows = db
    .select({ pantiId: beds.pantiId, sex: rooms.sex, n: count() })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), isNull(bedAssignments.toAt)))
    .where(and(eq(beds.overflow, false), eq(beds.status, "available"), isNull(bedAssignments.id)))
    .groupBy(beds.pantiId, rooms.sex)
    .all();
  const out = new Map<number, Record<"male" | "female" | "mixed", number>>();
  for (const r of rows) {
    const entry = out.get(r.pantiId) ?? { male: 0, female: 0, mixed: 0 };
    entry[r.sex] = r.n;
    out.set(r.pantiId, entry);
  }
  return out;
}

/** Every active panti with what matching needs: target groups, ages, occupancy, free beds per ward sex. */
export function matchCandidates(): MatchCandidate[] {
  const occ = occupancyByPanti({ pantiId: null });
  const profile = new Map(
    db
      .select({ id: panti.id, targetCategories: panti.targetCategories, sexServed: panti.sexServed, ageMin: panti.ageMin, ageMax: panti.ageMax })
      .from(panti)
      .where(eq(panti.active, true))
      .all()
      .map((r) => [r.id, r]),
  );
  const free = freeBedsBySex();
  return occ.map((o) => {
    const prof = profile.get(o.id)!;
    return {
      id: o.id,
      name: o.name,
      type: o.type,
      targetCategories: prof.targetCategories,
      sexServed: prof.sexServed,
      ageMin: prof.ageMin,
      ageMax: prof.ageMax,
      occupancy: o.occupancy,
      freeBeds: free.get(o.id) ?? { male: 0, female: 0, mixed: 0 },
    };
  });
}

/** Every active panti ranked for this referral, with reasons. */
export function matchPantiFor(p: { ppksCategory: string; sex: Sex; birthDate: string | null; estimatedAge: number | null; foundAt: Date }) {
  const candidates = matchCandidates().map((c) => forSex(c, p.sex));
  return rankPanti({ ppksCategory: p.ppksCategory, sex: p.sex, age: placementAge(p, new Date()) }, candidates);
}

// ---------------------------------------------------------------------------
// Admission
// ---------------------------------------------------------------------------

/** The beds of a panti as admission choices. */
export function bedChoices(pantiId: number): BedChoice[] {
  return db
    .select({
      id: beds.id,
      label: beds.label,
      roomName: rooms.name,
      roomSex: rooms.sex,
      overflow: beds.overflow,
      status: beds.status,
      assignment: bedAssignments.id,
    })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), isNull(bedAssignments.toAt)))
    .where(eq(beds.pantiId, pantiId))
    .orderBy(asc(rooms.name), sql`length(${beds.label})`, asc(beds.label))
    .all()
    .map((b) => ({
      id: b.id,
      label: b.label,
      roomName: b.roomName,
      roomSex: b.roomSex,
      overflow: b.overflow,
      inService: b.status === "available",
      occupied: b.assignment != null,
    }));
}

export interface PersonCandidate extends DedupMatch {
  name: string;
  nik: string | null;
  sex: Sex;
  birthYear: number | null;
  originCity: string | null;
  stays: { stayId: number; pantiName: string; admittedAt: Date; exitedAt: Date | null; exitOutcome: string | null }[];
  openStay: boolean;
  differences: FieldDifference[];
}

/**
 * People who may be the person of this referral, across all panti and earlier stays: the same
 * NIK, or a similar name of the same sex born about the same year. Each with their stay history.
 *
 * A restricted person whom the actor may not see named is left out of the list (so it cannot be
 * linked: the service links only a candidate found here); `restrictedMatch` says that one may
 * match, with nothing that identifies them.
 */
export function personCandidates(
  actor: Actor,
  p: { nik: string | null; personName: string | null; sex: Sex; birthDate: string | null; estimatedAge: number | null; foundAt: Date } & Partial<ReferralFacts>,
  handle: Pick<Db, "select"> = db,
): { candidates: PersonCandidate[]; restrictedMatch: boolean } {
  const birthYear = birthYearOf({ birthDate: p.birthDate, estimatedAge: p.estimatedAge, at: p.foundAt });
  const conditions: SQL[] = [];
  if (p.nik) conditions.push(eq(persons.nik, p.nik));
  if (p.personName) {
    conditions.push(
      and(
        eq(persons.sex, p.sex),
        birthYear != null
          ? or(isNull(persons.birthYear), sql`${persons.birthYear} between ${birthYear - BIRTH_YEAR_TOLERANCE} and ${birthYear + BIRTH_YEAR_TOLERANCE}`)
          : undefined,
      )!,
    );
  }
  if (conditions.length === 0) return { candidates: [], restrictedMatch: false };
  const pool = handle
    .select({
      id: persons.id,
      nik: persons.nik,
      name: persons.name,
      sex: persons.sex,
      birthYear: persons.birthYear,
      birthDate: persons.birthDate,
      unidentified: persons.unidentified,
      originProvince: persons.originProvince,
      originCity: persons.originCity,
      description: persons.description,
      ppksCategory: persons.ppksCategory,
      restricted: persons.restricted,
      homePantiId: homePantiOf(),
    })
    .from(persons)
    .where(or(...conditions))
    .all();
  const ranked = rankCandidates({ nik: p.nik, name: p.personName, sex: p.sex, birthYear }, pool, 8);
  const byId = new Map(pool.map((r) => [r.id, r]));
  const matches = ranked.filter((m) => nameVisible(actor, byId.get(m.personId)!));
  const restrictedMatch = matches.length < ranked.length;
  if (matches.length === 0) return { candidates: [], restrictedMatch };
  const ids = matches.map((m) => m.personId);
  const history = handle
    .select({ personId: stays.personId, stayId: stays.id, pantiName: panti.name, admittedAt: stays.admittedAt, exitedAt: stays.exitedAt, exitOutcome: stays.exitOutcome })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(inArray(stays.personId, ids))
    .orderBy(desc(stays.admittedAt))
    .all();
  const candidates = matches.map((m) => {
    const person = byId.get(m.personId)!;
    const personStays = history.filter((h) => h.personId === m.personId).map(({ personId: _p, ...s }) => s);
    return {
      ...m,
      name: displayName({ name: person.name, unidentified: person.unidentified, sex: person.sex }),
      nik: person.nik,
      sex: person.sex,
      birthYear: person.birthYear,
      originCity: person.originCity,
      stays: personStays,
      openStay: personStays.some((s) => s.exitedAt == null),
      // Where the referral and this record disagree: the admin chooses which to keep.
      differences: p.ppksCategory
        ? referralDifferences(
            { originProvince: null, originCity: null, description: null, ...p, ppksCategory: p.ppksCategory },
            person,
          )
        : [],
    };
  });
  return { candidates, restrictedMatch };
}
