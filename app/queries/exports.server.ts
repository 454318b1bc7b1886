/**
 * Every list and report as a downloadable dataset: the same query and scope as its page, with
 * Indonesian (or English) headers. Long lists are read row by row from SQLite.
 */
import { eq } from "drizzle-orm";
import { formatMonthShort } from "~/utils/calendar-labels";
import { panti, placements } from "#db/schema";
import { aggregatePantiFilter, checkPanti, hasPermission, scopeFor, type Permission } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { placementListFilterSchema } from "~/domain/placements";
import { consentMissingFilterSchema } from "~/domain/safeguarding";
import { EXIT_OUTCOMES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { pantiListFilterSchema, sortPantiRows } from "~/domain/panti";
import { quarterSchema, reportFilterSchema, resolveFilter, resolveQuarter, LOS_BUCKETS } from "~/domain/reports";
import { periodInput, periodSchema, resolvePeriod } from "~/domain/periods";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import type { Cell, Dataset } from "~/utils/export.server";
import { formatMonth, translator, type Lang } from "~/utils/i18n";
import { allFollowUps, allStaleStays } from "./exits.server";
import { measureDataset } from "./measure-exports.server";
import { occupancyByPanti } from "./occupancy.server";
import { residentConsentStates } from "./safeguarding.server";
import { placementListOrder, placementListWhere } from "./placements.server";
import {
  capacityPanel,
  censusHistory,
  exitsPanel,
  intakePanel,
  lengthOfStayPanel,
  periodReport,
  quarterlyReport,
  waitingPanel,
  type PeriodReport,
} from "./reports.server";

export const DATASETS = [
  "panti",
  "placements",
  "follow-ups",
  "stale-stays",
  "capacity",
  "census",
  "intake",
  "exits",
  "length-of-stay",
  "waiting",
  "quarterly",
  "returns",
  "length-of-stay-measures",
  "data-quality",
  "period",
  "consent-missing",
] as const;
export type DatasetName = (typeof DATASETS)[number];

const PERMISSION: Record<DatasetName, Permission> = {
  panti: "panti:list",
  placements: "placement:read",
  "follow-ups": "followup:record",
  "stale-stays": "stay:exit",
  capacity: "report:read",
  census: "report:read",
  intake: "report:read",
  exits: "report:read",
  "length-of-stay": "report:read",
  waiting: "report:read",
  quarterly: "report:read",
  returns: "report:read",
  "length-of-stay-measures": "report:read",
  "data-quality": "report:read",
  period: "report:read",
  "consent-missing": "consent:record",
};

export function datasetPermission(name: DatasetName): Permission {
  return PERMISSION[name];
}

/** Builds a dataset for the user, or null when they may not have it (the route answers 403). */
export function buildDataset(user: SessionUser, name: DatasetName, params: URLSearchParams, lang: Lang): Dataset | null {
  const permission = PERMISSION[name];
  if (!hasPermission(user, permission)) return null;
  const t = translator(lang);
  const query = Object.fromEntries(params);

  switch (name) {
    case "panti": {
      const filter = pantiListFilterSchema.parse(query);
      let rows = occupancyByPanti({ pantiId: aggregatePantiFilter(scopeFor(user, permission), permission), type: filter.type, kota: filter.kota });
      if (filter.over) rows = rows.filter((r) => r.occupancy.overCapacity);
      rows = sortPantiRows(rows, filter.sort);
      return {
        name: "panti",
        headers: [t("panti.col.name"), "Kode", t("panti.col.type"), t("panti.col.kota"), t("occ.capacity"), t("occ.occupied"), t("occ.available"), t("occ.overflow"), t("occ.census"), `${t("occ.occupancy")} (%)`, t("occ.outOfService")],
        rows: rows.map((r) => [r.name, r.code, t(`pantiType.${r.type}`), r.kota, r.occupancy.capacity, r.occupancy.occupied, r.occupancy.available, r.occupancy.overflow, r.occupancy.census, r.occupancy.occupancyPct, r.occupancy.outOfService]),
      };
    }
    case "placements": {
      const filter = placementListFilterSchema.parse(query);
      const page = (offset: number) => db
        .select({
          id: placements.id,
          personId: placements.personId,
          createdAt: placements.createdAt,
          foundAt: placements.foundAt,
          unit: placements.outreachUnit,
          officer: placements.officerName,
          name: placements.personName,
          unidentified: placements.unidentified,
          sex: placements.sex,
          age: placements.estimatedAge,
          category: placements.ppksCategory,
          panti: panti.name,
          status: placements.status,
          decidedAt: placements.decidedAt,
          reason: placements.decisionReason,
          source: placements.source,
        })
        .from(placements)
        .innerJoin(panti, eq(panti.id, placements.targetPantiId))
        .where(placementListWhere(user, { status: filter.status, pantiId: filter.panti, unit: filter.unit }))
        .orderBy(...placementListOrder(filter.status))
        .limit(2000)
        .offset(offset)
        .all();
      // A list of people, held whole so that its purpose can be checked row by row and its
      // length audited; read in pages of 2,000.
      const read: ReturnType<typeof page> = [];
      for (let offset = 0; ; offset += 2000) {
        const rows = page(offset);
        read.push(...rows);
        if (rows.length < 2000) break;
      }
      return {
        name: "rujukan",
        headers: ["No.", t("placement.createdAt"), t("placement.foundAt"), t("placement.outreachUnit"), t("placement.officerName"), t("placement.personName"), t("placement.sex"), t("placement.estimatedAge"), t("placement.ppksCategory"), t("placement.targetPanti"), t("placement.status"), t("placement.decidedAt"), t("placement.reason"), t("placement.source")],
        rows: read.map((r) => [r.id, r.createdAt, r.foundAt, referenceLabel(OUTREACH_UNITS, r.unit, lang), r.officer, displayName({ name: r.name, unidentified: r.unidentified, sex: r.sex }), t(`sex.${r.sex}`), r.age, referenceLabel(PPKS_CATEGORIES, r.category, lang), r.panti, t(`status.${r.status}`), r.decidedAt, r.reason, t(`source.${r.source}`)] as Cell[]),
        personIds: read.map((r) => r.personId),
      };
    }
    case "follow-ups": {
      // Every follow-up not yet done, upcoming ones included, whatever page the list shows.
      const rows = [...allFollowUps(user, new Date(), true)];
      return {
        name: "bimbingan-lanjut",
        headers: [t("followUps.due"), t("exit.resident"), t("panti.col.name"), t("followUps.sequence", { n: "" }).trim(), t("exit.outcome"), t("followUps.exit"), t("exit.handover.receiver"), t("common.status")],
        rows: rows.map((r) => [r.dueDate, r.displayName, r.pantiName, r.sequence, referenceLabel(EXIT_OUTCOMES, r.exitOutcome, lang), r.exitedAt, r.exitDestination, t(`followUp.state.${r.state}`)] as Cell[]),
        personIds: rows.map((r) => r.personId),
      };
    }
    case "consent-missing": {
      // Current residents without a valid consent for the purpose (every purpose when none is given).
      const filter = consentMissingFilterSchema.parse(query);
      if (filter.panti != null && checkPanti(user, "case:read", filter.panti) !== "allowed") return null;
      const rows = residentConsentStates(user, { pantiId: filter.panti }).flatMap((r) =>
        r.consents
          .filter((c) => !c.allowed && (!filter.purpose || c.purpose === filter.purpose))
          .map((c) => ({ personId: r.personId, cells: [r.displayName, r.pantiName, r.admittedAt, t(`consentPurpose.${c.purpose}`), t(`consentState.${c.state}`), c.record?.expiresOn ?? null] as Cell[] })),
      );
      return {
        name: "tanpa-persetujuan",
        headers: [t("exit.resident"), t("panti.col.name"), t("exit.admittedAt"), t("consent.purpose"), t("common.status"), t("consent.expiresOn")],
        rows: rows.map((r) => r.cells),
        personIds: rows.map((r) => r.personId),
      };
    }
    case "stale-stays": {
      const rows = [...allStaleStays(user)];
      return {
        name: "masa-tinggal-ditinjau",
        headers: [t("exit.resident"), t("panti.col.name"), t("exit.admittedAt"), t("stale.days"), t("stale.lastActivity"), t("stale.noBed")],
        rows: rows.map((r) => [r.displayName, r.pantiName, r.admittedAt, r.days, r.lastActivity, r.bedId == null] as Cell[]),
        personIds: rows.map((r) => r.personId),
      };
    }
    case "returns":
    case "length-of-stay-measures":
    case "data-quality":
      return measureDataset(user, name, query, lang);
    default:
      break;
  }

  // Report datasets: the dashboard's filters, forced to the user's own panti when scoped.
  const readScope = scopeFor(user, "report:read");
  const scope = aggregatePantiFilter(readScope, "report:read");
  if (scope != null && query.panti && checkPanti(user, "report:read", Number(query.panti)) !== "allowed") return null;
  const filter = resolveFilter(reportFilterSchema.parse(query), new Date(), readScope);
  switch (name) {
    case "capacity": {
      const panel = capacityPanel(filter);
      return {
        name: "kapasitas",
        headers: [t("panti.col.name"), t("panti.col.type"), t("panti.col.kota"), t("occ.capacity"), t("occ.census"), t("occ.available"), t("occ.overflow"), `${t("occ.occupancy")} (%)`],
        rows: panel.perPanti.map((r) => [r.name, t(`pantiType.${r.type}`), r.kota, r.capacity, r.census, r.available, r.overflow, r.occupancyPct]),
      };
    }
    case "census":
      return {
        name: "penghuni-harian",
        headers: [t("dash.day"), t("occ.census")],
        rows: censusHistory(filter).map((r) => [r.day, r.census]),
      };
    case "intake": {
      const panel = intakePanel(filter);
      return {
        name: "rujukan-per-bulan",
        headers: [t("dash.month"), t("dash.unit"), t("dash.count")],
        rows: panel.byUnit.map((r) => [formatMonthShort(lang, r.month), referenceLabel(OUTREACH_UNITS, r.unit, lang), r.n]),
      };
    }
    case "exits": {
      const panel = exitsPanel(filter);
      return {
        name: "terminasi",
        headers: [t("dash.outcome"), t("dash.count"), t("dash.positive")],
        rows: panel.byOutcome.map((r) => [referenceLabel(EXIT_OUTCOMES, r.outcome, lang), r.n, r.positive]),
      };
    }
    case "length-of-stay":
      return {
        name: "lama-tinggal",
        headers: [t("dash.type"), t("dash.los.n"), t("dash.los.median"), ...LOS_BUCKETS.map((b) => t(`dash.los.${b.key}`))],
        rows: lengthOfStayPanel(filter).map((r) => [
          t.dynamic(`pantiType.${r.type}`),
          r.n,
          r.median,
          ...LOS_BUCKETS.map((b) => Number((r as Record<string, unknown>)[b.key] ?? 0)),
        ]),
      };
    case "waiting": {
      const panel = waitingPanel(filter);
      return {
        name: "rujukan-menunggu",
        headers: [t("panti.col.name"), t("dash.count"), t("dash.wait.oldest")],
        rows: panel.byPanti.map((r) => [r.name, r.n, r.oldestDays]),
      };
    }
    case "quarterly": {
      const { year, quarter } = resolveQuarter(quarterSchema.parse(query), new Date());
      return {
        name: `laporan-triwulan-${year}-q${quarter}`,
        headers: [t("quarterly.title"), t("common.name"), t("dash.month"), t("dash.count")],
        rows: reportRows(quarterlyReport(year, quarter, { pantiId: scope ?? undefined }), t, lang),
      };
    }
    case "period": {
      // The route has refused a period that cannot be read (400) before asking for the dataset.
      const parsed = periodSchema.safeParse(periodInput(params));
      const period = resolvePeriod(parsed.success ? parsed.data : {}, new Date());
      return {
        name: `laporan-${period.from}-${period.to}`,
        headers: [t("period.title"), t("common.name"), t("dash.month"), t("dash.count")],
        rows: reportRows(periodReport(period, { pantiId: scope ?? undefined }), t, lang),
      };
    }
    default:
      return null;
  }
}

/** A period report as one table: block, item, month (when by month) and count. */
function reportRows(report: PeriodReport, t: ReturnType<typeof translator>, lang: Lang): Cell[][] {
  const rows: Cell[][] = [];
  for (const r of report.byUnitMonth) rows.push([t("quarterly.byUnitMonth"), referenceLabel(OUTREACH_UNITS, r.unit, lang), formatMonth(lang, r.month, true), r.n]);
  for (const r of report.byUnit) rows.push([t("quarterly.byUnit"), referenceLabel(OUTREACH_UNITS, r.unit, lang), "", r.n]);
  for (const r of report.byMonth) rows.push([t("quarterly.byMonth"), t("common.total"), formatMonth(lang, r.month, true), r.n]);
  rows.push([t("quarterly.reached"), t("common.total"), "", report.total]);
  for (const r of report.byCategory) rows.push([t("quarterly.byCategory"), referenceLabel(PPKS_CATEGORIES, r.category, lang), "", r.n]);
  for (const r of report.placedByPanti) rows.push([t("quarterly.placed"), r.name, "", r.n]);
  rows.push([t("quarterly.placed"), t("common.total"), "", report.placedTotal]);
  rows.push([t("period.outcomes"), t("quarterly.returnedFamily"), "", report.returnedFamily]);
  rows.push([t("period.outcomes"), t("quarterly.repatriated"), "", report.repatriated]);
  for (const r of report.returnedFamilyByMonth) rows.push([t("period.returnedByMonth"), t("quarterly.returnedFamily"), formatMonth(lang, r.month, true), r.n]);
  for (const r of report.repatriatedByMonth) rows.push([t("period.repatriatedByMonth"), t("quarterly.repatriated"), formatMonth(lang, r.month, true), r.n]);
  for (const r of report.repatriatedByProvince) rows.push([t("period.repatriatedByProvince"), r.province ?? t("period.unknown"), "", r.n]);
  for (const p of report.capacity.perPanti) {
    rows.push([t("period.capacity"), `${p.name} · ${t("occ.capacity")}`, "", p.occupancy.capacity]);
    rows.push([t("period.capacity"), `${p.name} · ${t("occ.census")}`, "", p.occupancy.census]);
  }
  return rows;
}
