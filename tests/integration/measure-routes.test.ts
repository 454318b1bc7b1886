/**
 * The measure pages through their loaders as Remix calls them: scope, tampering with another
 * panti's id, refused periods (400, never 500), and the downloads.
 */
import { describe, expect, it } from "vitest";
import { persons, stays } from "#db/schema";
import { loader as dataQualityLoader } from "~/routes/_app.reports.data-quality";
import { loader as lengthOfStayLoader } from "~/routes/_app.reports.length-of-stay";
import { loader as returnsLoader } from "~/routes/_app.reports.returns";
import { loader as exportLoader } from "~/routes/export.$dataset.$format";
import { parseCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { callRoute, getRequest, routeArgs } from "../routes";
import { cookieFor, createPanti, createUser } from "../factories";

function world() {
  const mine = createPanti({ name: "Panti Sosial Mawar", type: "intake" });
  const theirs = createPanti({ name: "Panti Sosial Melati", type: "intake" });
  const admitted = new Date(Date.now() - 40 * 86_400_000);
  const resident = (pantiId: number, name: string) => {
    const person = db.insert(persons).values({ name, sex: "female" }).returning().get();
    return db.insert(stays).values({ personId: person.id, pantiId, admittedAt: admitted, createdAt: admitted }).returning().get();
  };
  resident(mine.id, "Siti Aminah");
  resident(theirs.id, "Dewi Lestari");
  return { mine, theirs };
}

type Body = Record<string, unknown> & { people: { rows: { displayName: string; canOpen: boolean }[] } | null; report: unknown };

describe("the measure pages", () => {
  it("show a panti admin their own panti and refuse another panti's id", async () => {
    const { mine, theirs } = world();
    const cookie = await cookieFor(createUser("panti_admin", mine.id).username);
    const page = await callRoute(() => dataQualityLoader(routeArgs(getRequest("/reports/data-quality", cookie))));
    expect(page.status).toBe(200);
    const rows = (page.body as { report: { rows: { id: number }[] } }).report.rows;
    expect(rows.map((r) => r.id)).toEqual([mine.id]);

    const people = await callRoute(() => dataQualityLoader(routeArgs(getRequest("/reports/data-quality?check=missing_nik", cookie))));
    expect((people.body as Body).people!.rows.map((r) => [r.displayName, r.canOpen])).toEqual([["Siti Aminah", true]]);

    const tampered = await callRoute(() => dataQualityLoader(routeArgs(getRequest(`/reports/data-quality?check=missing_nik&panti=${theirs.id}`, cookie))));
    expect(tampered.status).toBe(404);
    const download = await callRoute(() => exportLoader(routeArgs(getRequest(`/export/data-quality/csv?check=missing_nik&panti=${theirs.id}&for=internal`, cookie), { dataset: "data-quality", format: "csv" })));
    expect(download.status).toBe(403);
  });

  it("show Dinsos every panti and download the people behind a count", async () => {
    const { theirs } = world();
    const cookie = await cookieFor(createUser("dinsos_viewer").username);
    const people = await callRoute(() => dataQualityLoader(routeArgs(getRequest(`/reports/data-quality?check=no_bed&panti=${theirs.id}`, cookie))));
    expect((people.body as Body).people!.rows.map((r) => r.displayName)).toEqual(["Dewi Lestari"]);
    const download = await callRoute(() => exportLoader(routeArgs(getRequest(`/export/data-quality/csv?check=no_bed&panti=${theirs.id}&for=internal`, cookie), { dataset: "data-quality", format: "csv" })));
    expect(download.status).toBe(200);
    const csv = parseCsv((await download.response!.text()).replace(/^\uFEFF/, ""));
    expect(csv.slice(1).map((r) => r[0])).toEqual(["Dewi Lestari"]);
    for (const dataset of ["returns", "length-of-stay-measures", "data-quality"]) {
      const file = await callRoute(() => exportLoader(routeArgs(getRequest(`/export/${dataset}/xlsx?from=2026-01-01&to=2026-03-31`, cookie), { dataset, format: "xlsx" })));
      expect({ dataset, status: file.status }).toEqual({ dataset, status: 200 });
    }
  });

  it("answer a bad period with 400 and its message, never 500", async () => {
    const cookie = await cookieFor(createUser("dinsos_admin").username);
    for (const [loader, path] of [
      [dataQualityLoader, "/reports/data-quality"],
      [lengthOfStayLoader, "/reports/length-of-stay"],
      [returnsLoader, "/reports/returns"],
    ] as const) {
      for (const [query, error] of [
        ["from=2026-02-30", "measures.error.date"],
        ["from=2026-05-01&to=2026-01-01", "measures.error.order"],
        ["from=1990-01-01&to=2026-01-01", "measures.error.span"],
      ]) {
        const answer = await callRoute(() => loader(routeArgs(getRequest(`${path}?${query}`, cookie))));
        expect({ path, query, status: answer.status, error: (answer.body as { state: { error: string } }).state.error }).toEqual({ path, query, status: 400, error });
      }
      const fine = await callRoute(() => loader(routeArgs(getRequest(`${path}?from=2025-01-01&to=2025-12-31&days=abc&window=zz&show=returned`, cookie))));
      expect(fine.status).toBe(200);
    }
    const download = await callRoute(() => exportLoader(routeArgs(getRequest("/export/returns/csv?to=31-12-2025", cookie), { dataset: "returns", format: "csv" })));
    expect(download.status).toBe(400);
  });

  it("are closed to roles without reports", async () => {
    const cookie = await cookieFor(createUser("outreach", null, "sudin_jakbar").username);
    for (const loader of [dataQualityLoader, lengthOfStayLoader, returnsLoader]) {
      expect((await callRoute(() => loader(routeArgs(getRequest("/reports/x", cookie))))).status).toBe(403);
    }
  });
});
