/** A hand-off form as the browser posts it (strings and "on"), to Jawa Barat; override what a test needs. */
export function handoffFormFields(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    partnerCode: "32",
    destinationCity: "Kabupaten Garut",
    reason: "Ingin pulang ke keluarga di Garut",
    docKtp: "on",
    health: "Sehat, tekanan darah terkontrol",
    psychosocial: "Stabil, kooperatif",
    escort: "Rina Kartika (peksos)",
    transport: "bus",
    plannedDate: "2026-12-10",
    consent: "on",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}
