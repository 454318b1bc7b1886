/**
 * Finding the same person again: people often come back, under the same NIK or under a name
 * spelled a little differently. Names are compared after normalising (case, diacritics, titles)
 * with a bigram similarity that ignores word order.
 */

const TITLES = new Set(["bapak", "bpk", "pak", "ibu", "bu", "mr", "mrs", "ms", "sdr", "sdri", "saudara", "saudari", "haji", "hj", "h", "almarhum", "alm"]);

export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w && !TITLES.has(w))
    .join(" ");
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of text.split(" ")) {
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length - 1; i++) {
      const g = padded.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** Dice coefficient of the two names' bigrams, 0..1 (1 = same letters pairs). */
export function nameSimilarity(a: string, b: string): number {
  const na = normalizeName(a);
  const nb = normalizeName(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let overlap = 0;
  let total = 0;
  for (const [g, n] of ga) {
    overlap += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return (2 * overlap) / total;
}

export const NAME_SIMILARITY_THRESHOLD = 0.72;
export const BIRTH_YEAR_TOLERANCE = 3;

export interface DedupQuery {
  nik?: string | null;
  name?: string | null;
  sex: "male" | "female";
  birthYear: number | null;
}

export interface DedupPerson {
  id: number;
  nik: string | null;
  name: string | null;
  sex: "male" | "female";
  birthYear: number | null;
}

export interface DedupMatch {
  personId: number;
  reason: "nik" | "name";
  score: number;
}

/** Scores one stored person against the query; null when they are not a likely match. */
export function matchPerson(query: DedupQuery, person: DedupPerson): DedupMatch | null {
  if (query.nik && person.nik && query.nik === person.nik) return { personId: person.id, reason: "nik", score: 1 };
  if (!query.name || !person.name || person.sex !== query.sex) return null;
  if (
    query.birthYear != null &&
    person.birthYear != null &&
    Math.abs(query.birthYear - person.birthYear) > BIRTH_YEAR_TOLERANCE
  ) {
    return null;
  }
  const score = nameSimilarity(query.name, person.name);
  return score >= NAME_SIMILARITY_THRESHOLD ? { personId: person.id, reason: "name", score } : null;
}

/** Likely matches, best first (an exact NIK always leads). */
export function rankCandidates(query: DedupQuery, people: readonly DedupPerson[], limit = 10): DedupMatch[] {
  const matches: DedupMatch[] = [];
  for (const person of people) {
    const m = matchPerson(query, person);
    if (m) matches.push(m);
  }
  return matches.sort((a, b) => b.score - a.score).slice(0, limit);
}
