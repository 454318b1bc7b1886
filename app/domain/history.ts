/**
 * Bringing in the past: stays that happened before the app (a historical referral's admission,
 * a row of the stays import) are checked against what the app already knows, and against each
 * other, before anything is written:
 * - the person: found again by NIK or by a similar name (the rules of the referral intake,
 *   app/domain/dedup.ts), else a new person; rows of one file that name the same person are one
 *   person;
 * - one person is in one place at a time: a stay may not overlap another stay of the person;
 * - a bed holds one person at a time over its whole history: a stay on a bed may not overlap
 *   anyone's time on it, in the database or in another row.
 * Times are half-open intervals [from, to); an open stay runs to the end of time.
 */
import { matchPerson, normalizeName, type DedupMatch, type DedupPerson, type DedupQuery } from "./dedup";
import type { Sex } from "./enums";
import { jakartaDate } from "./time";

export interface Interval {
  from: number;
  /** Null: still open. */
  to: number | null;
}

/** Whether two half-open intervals share a moment (an exit and an admission at the same minute do not). */
export function overlaps(a: Interval, b: Interval): boolean {
  return (b.to === null || a.from < b.to) && (a.to === null || b.from < a.to);
}

/** The first interval of `list` that overlaps `x`. */
export function firstOverlap<T extends Interval>(list: readonly T[] | undefined, x: Interval): T | undefined {
  return list?.find((i) => overlaps(i, x));
}

/**
 * People to match against, in memory: by NIK, and by name blocks (sex and the first three
 * letters of each word of the normalised name) so that a row is compared with the few people who
 * could be similar, not with everyone. Names that share no word start are not found by name.
 */
export class PersonIndex {
  private readonly byNik = new Map<string, DedupPerson>();
  private readonly byBlock = new Map<string, DedupPerson[]>();

  constructor(people: Iterable<DedupPerson> = []) {
    for (const person of people) this.add(person);
  }

  private static blocks(name: string, sex: Sex): string[] {
    const words = normalizeName(name).split(" ").filter(Boolean);
    return [...new Set(words.map((w) => `${sex}\u0000${w.slice(0, 3)}`))];
  }

  add(person: DedupPerson): void {
    if (person.nik) this.byNik.set(person.nik, person);
    if (!person.name) return;
    for (const key of PersonIndex.blocks(person.name, person.sex)) push(this.byBlock, key, person);
  }

  /**
   * The best match, linked without asking anyone: a row with a NIK is the person with that NIK
   * (or someone new); a row without one is the person with the most similar name, sex and birth
   * year (the intake's rules), if any.
   */
  find(query: DedupQuery): DedupMatch | null {
    if (query.nik) {
      const same = this.byNik.get(query.nik);
      return same ? { personId: same.id, reason: "nik", score: 1 } : null;
    }
    if (!query.name) return null;
    let best: DedupMatch | null = null;
    const seen = new Set<number>();
    for (const key of PersonIndex.blocks(query.name, query.sex)) {
      for (const person of this.byBlock.get(key) ?? []) {
        if (seen.has(person.id)) continue;
        seen.add(person.id);
        const match = matchPerson(query, person);
        if (match && (!best || match.score > best.score || (match.score === best.score && person.id < best.personId))) best = match;
      }
    }
    return best;
  }
}

/** A stay as the checks see it: who, where, when, on which bed. */
export interface HistoryStay {
  row: number;
  person: DedupQuery;
  pantiId: number;
  admittedAt: Date;
  exitedAt: Date | null;
  /** The bed it held the whole stay (found by label in the panti), or none. */
  bedId: number | null;
}

/** Who a row is: a person already known (by NIK or name), or a new one (the first row naming them). */
export type PersonRef = { kind: "existing"; personId: number; reason: "nik" | "name" } | { kind: "new"; firstRow: number };

/** A stay of a person or on a bed, known before the check (database) or from an earlier row. */
export interface HeldInterval extends Interval {
  /** The row of the file that holds it; null for one in the database. */
  row: number | null;
  pantiName?: string;
}

export interface HistoryIssue {
  row: number;
  on: "person" | "admittedAt" | "bed";
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Who each row is: matched against the index (which grows with the new people of the file, so a
 * later row can be an earlier row's person). New people get negative ids in the index: -row.
 */
export function matchRows(rows: readonly HistoryStay[], index: PersonIndex): PersonRef[] {
  return rows.map((r) => {
    const match = index.find(r.person);
    if (match && match.personId > 0) return { kind: "existing", personId: match.personId, reason: match.reason };
    if (match) return { kind: "new", firstRow: -match.personId };
    index.add({ id: -r.row, nik: r.person.nik ?? null, name: r.person.name ?? null, sex: r.person.sex, birthYear: r.person.birthYear });
    return { kind: "new", firstRow: r.row };
  });
}

const personKey = (ref: PersonRef) => (ref.kind === "existing" ? `p${ref.personId}` : `r${ref.firstRow}`);

/**
 * The overlaps: each row against the stays of its person and the time of its bed, known before
 * (`personStays` by person id, `bedHistory` by bed id) or from the rows before it. Every problem
 * of a row is reported; a refused row does not count against later rows.
 */
export function checkOverlaps(
  rows: readonly HistoryStay[],
  people: readonly PersonRef[],
  personStays: ReadonlyMap<number, readonly HeldInterval[]>,
  bedHistory: ReadonlyMap<number, readonly HeldInterval[]>,
): HistoryIssue[] {
  const issues: HistoryIssue[] = [];
  const fileStays = new Map<string, HeldInterval[]>();
  const fileBeds = new Map<number, HeldInterval[]>();
  rows.forEach((r, i) => {
    const ref = people[i]!;
    const span: Interval = { from: r.admittedAt.getTime(), to: r.exitedAt?.getTime() ?? null };
    const rowIssues: HistoryIssue[] = [];
    const known = ref.kind === "existing" ? firstOverlap(personStays.get(ref.personId), span) : undefined;
    if (known) rowIssues.push({ row: r.row, on: "admittedAt", key: known.to === null ? "history.error.personOpenStay" : "history.error.personStayOverlap", params: stayParams(known) });
    const earlier = firstOverlap(fileStays.get(personKey(ref)), span);
    if (earlier) rowIssues.push({ row: r.row, on: "admittedAt", key: "history.error.personRowOverlap", params: { other: earlier.row! } });
    if (r.bedId !== null) {
      const held = firstOverlap(bedHistory.get(r.bedId), span);
      if (held) rowIssues.push({ row: r.row, on: "bed", key: held.to === null ? "history.error.bedTaken" : "history.error.bedHeld", params: stayParams(held) });
      const other = firstOverlap(fileBeds.get(r.bedId), span);
      if (other) rowIssues.push({ row: r.row, on: "bed", key: "history.error.bedRowOverlap", params: { other: other.row! } });
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    const held: HeldInterval = { ...span, row: r.row };
    push(fileStays, personKey(ref), held);
    if (r.bedId !== null) push(fileBeds, r.bedId, held);
  });
  return issues;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stayParams(i: HeldInterval): Record<string, string | number> {
  const day = (ms: number) => jakartaDate(new Date(ms));
  return { from: day(i.from), to: i.to === null ? "–" : day(i.to), panti: i.pantiName ?? "" };
}

/** A bed label as the lookup keys it: no case, no spaces. */
export function bedLabelKey(label: string): string {
  return label.normalize("NFKC").trim().toUpperCase().replace(/\s+/g, "");
}
