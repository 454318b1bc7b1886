/**
 * The measure reports as downloads: the same query string as the page gives the same figures
 * (or, with a drill-down's parameters, the same people), in the user's scope.
 */
import {
  DATA_QUALITY_CHECKS,
  RETURN_WINDOWS,
  dataQualityQuerySchema,
  parseMeasurePeriod,
  returnsQuerySchema,
  type LengthStats,
  type ReturnFigures,
} from "~/domain/measures";
import { checkPanti } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import type { SessionUser } from "~/utils/auth.server";
import type { Cell, Dataset } from "~/utils/export.server";
import { translator, type Lang } from "~/utils/i18n";
import { dataQualityPeople, dataQualityReport, lengthOfStayReport, returnsPeople, returnsReport } from "./measures.server";

/** The rows of a list of people and the person of each row. */
function people<T extends { personId: number }>(rows: T[], cells: (row: T) => Cell[]) {
  return { rows: rows.map(cells), personIds: rows.map((r) => r.personId) };
}

/** A measure dataset, or null when the user asks for a panti that is not theirs. A bad period answers 400. */
export function measureDataset(
  user: SessionUser,
  name: "returns" | "length-of-stay-measures" | "data-quality",
  query: Record<string, string>,
  lang: Lang,
): Dataset | null {
  const t = translator(lang);
  const parsed = parseMeasurePeriod(query, new Date());
  if (!parsed.ok) throw new Response(t(parsed.error), { status: 400 });
  const period = parsed.period;
  const stamp = `${period.from}-${period.to}`;
  const outcomeLabel = (code: string) => (code ? referenceLabel(EXIT_OUTCOMES, code, lang) : t("measures.noOutcome"));

  if (name === "returns") {
    const drill = returnsQuerySchema.parse(query);
    if (drill.show) {
      return {
        name: `kembali-ke-jalan-orang-${stamp}`,
        headers: [t("exit.resident"), t("panti.col.name"), t("dash.outcome"), t("returns.col.exitedAt"), t("returns.col.returnedAt"), t("returns.col.kind"), t("returns.col.days")],
        ...people(returnsPeople(user, period, drill).all, (r) => [r.displayName, r.pantiName, outcomeLabel(r.outcome), r.exitedAt, r.returnedAt, r.returnKind ? t(`returns.kind.${r.returnKind}`) : null, r.returnDays]),
      };
    }
    const report = returnsReport(user, period);
    const line = (section: string, label: string, f: ReturnFigures): Cell[] => [section, label, f.exits, ...RETURN_WINDOWS.flatMap((w) => [f[w.key].returned, f[w.key].eligible, f[w.key].pct])];
    return {
      name: `kembali-ke-jalan-${stamp}`,
      headers: [
        t("measures.breakdown"),
        t("common.name"),
        t("returns.exits"),
        ...RETURN_WINDOWS.flatMap((w) => [t(`returns.window.${w.key}`), `${t(`returns.window.${w.key}`)}: ${t("returns.list.eligible")}`, `${t(`returns.window.${w.key}`)} (%)`]),
      ],
      rows: [
        ...report.byOutcome.map((r) => line(t("measures.byOutcome"), outcomeLabel(r.key), r)),
        ...report.byType.map((r) => line(t("measures.byType"), t.dynamic(`pantiType.${r.key}`), r)),
        line(t("measures.total"), t("measures.total"), report.total),
      ],
    };
  }

  if (name === "length-of-stay-measures") {
    const report = lengthOfStayReport(user, period);
    const line = (section: string, label: string, r: LengthStats): Cell[] => [section, label, r.n, r.median, r.mean, r.p90];
    return {
      name: `lama-tinggal-${stamp}`,
      headers: [t("measures.breakdown"), t("common.name"), t("los.col.n"), t("los.col.median"), t("los.col.mean"), t("los.col.p90")],
      rows: [
        ...report.byOutcome.map((r) => line(t("measures.byOutcome"), outcomeLabel(r.key), r)),
        ...report.byType.map((r) => line(t("measures.byType"), t.dynamic(`pantiType.${r.key}`), r)),
        line(t("measures.total"), t("measures.total"), report.total),
      ],
    };
  }

  const dq = dataQualityQuerySchema.parse(query);
  if (dq.panti != null && checkPanti(user, "report:read", dq.panti) !== "allowed") return null;
  const days = dq.days ?? 90;
  const label = (c: (typeof DATA_QUALITY_CHECKS)[number]) => t(`dq.check.${c}`, { days });
  if (dq.check) {
    return {
      name: `kualitas-data-${dq.check}-${stamp}`,
      headers: [t("exit.resident"), t("panti.col.name"), t("exit.admittedAt"), t("dq.col.event"), t("dq.col.recorded"), t("dq.col.days")],
      ...people(dataQualityPeople(user, period, { ...dq, check: dq.check }).all, (r) => [r.displayName, r.pantiName, r.admittedAt, r.eventAt, r.recordedAt, r.days]),
    };
  }
  const report = dataQualityReport(user, period, dq);
  return {
    name: `kualitas-data-${stamp}`,
    headers: [t("panti.col.name"), t("dq.residents"), t("dq.admissions"), t("dq.exitsInPeriod"), ...DATA_QUALITY_CHECKS.flatMap((c) => [label(c), `${label(c)} (%)`])],
    rows: [...report.rows, { ...report.total, name: t("measures.total") }].map((r) => [r.name, r.residents, r.admissions, r.exits, ...DATA_QUALITY_CHECKS.flatMap((c) => [r.counts[c], r.pct[c]])] as Cell[]),
  };
}
