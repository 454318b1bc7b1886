import type { Crumb } from "~/components/ui/page-header";

/** The way back from a page of a resident's case file: the panti, then the case file itself. */
export function caseFileCrumbs(
  panti: { id: number; name: string },
  stay: { id: number },
  person: { displayName: string },
): Crumb[] {
  return [
    { to: `/panti/${panti.id}`, label: panti.name },
    { to: `/panti/${panti.id}/stays/${stay.id}`, label: person.displayName },
  ];
}
