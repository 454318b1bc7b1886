/**
 * Downloads that name people: data that leaves the panti. Each states its purpose; for a
 * recipient outside Dinsos and the panti, only the persons with a consent in force for that
 * purpose are in the file (a note row says how many were left out, never who), and a file with
 * nobody left in it is refused. Every such download is in the audit log with its purpose, format,
 * filters and row count (docs/decisions/021-safeguarding.md).
 */
import { and, eq, inArray } from "drizzle-orm";
import { persons } from "#db/schema";
import { Conflict, InvalidInput } from "~/domain/errors";
import { exportPurposeSchema, leftOutReason, type ExportPurpose, type LeftOutReason } from "~/domain/exports";
import { buildDataset, type DatasetName } from "~/queries/exports.server";
import { consentOfPersons } from "~/queries/safeguarding.server";
import type { SessionUser } from "~/utils/auth.server";
import type { Cell, Dataset, ExportFormat } from "~/utils/export.server";
import { translator, type Lang } from "~/utils/i18n";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";

/** The restricted persons among the ids (few, looked up by id). */
function restrictedAmong(tx: Tx, ids: number[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    tx.select({ id: persons.id })
      .from(persons)
      .where(and(inArray(persons.id, ids.slice(i, i + 500)), eq(persons.restricted, true)))
      .all()
      .forEach((p) => out.add(p.id));
  }
  return out;
}

/**
 * The dataset as the user may download it (null: not theirs, the route answers 403). A list of
 * people needs its purpose in the query (`for`) (InvalidInput otherwise); for an external purpose, rows
 * whose person has no consent in force for it, is restricted or has no record are left out, and
 * a list with nobody left is refused (Conflict).
 */
export function exportDataset(user: SessionUser, name: DatasetName, params: URLSearchParams, lang: Lang, format: ExportFormat, now = new Date()): Dataset | null {
  const dataset = buildDataset(user, name, params, lang);
  if (!dataset?.personIds) return dataset;
  const parsed = exportPurposeSchema.safeParse({ purpose: params.get("for") ?? undefined });
  if (!parsed.success) throw new InvalidInput({ purpose: ["export.error.purpose"] });
  const purpose: ExportPurpose = parsed.data.purpose;
  const personIds = dataset.personIds;
  const t = translator(lang);
  return writeTransaction((tx) => {
    const rows = [...dataset.rows];
    const ids = [...new Set(personIds.filter((id): id is number => id != null))];
    const consent = purpose === "internal" ? null : consentOfPersons(ids, purpose, now, tx);
    const restricted = purpose === "internal" ? new Set<number>() : restrictedAmong(tx, ids);
    const leftOut: Record<LeftOutReason, number> = { no_consent: 0, restricted: 0, unlinked: 0 };
    const kept: Cell[][] = [];
    const keptIds: (number | null)[] = [];
    rows.forEach((row, i) => {
      const personId = personIds[i] ?? null;
      const reason = leftOutReason(purpose, {
        personId,
        restricted: personId != null && restricted.has(personId),
        consentInForce: personId != null && Boolean(consent?.get(personId)?.allowed),
      });
      if (reason) leftOut[reason] += 1;
      else {
        kept.push(row);
        keptIds.push(personId);
      }
    });
    const purposeLabel = purpose === "internal" ? t("export.purpose.internal") : t(`consentPurpose.${purpose}`);
    if (rows.length > 0 && kept.length === 0) throw new Conflict("export.error.noneConsented", { purpose: purposeLabel });
    const { for: _for, ...filters } = Object.fromEntries(params);
    appendAudit(tx, {
      actorId: user.id,
      action: "export.named",
      entity: "export",
      entityId: name,
      pantiId: user.pantiId,
      after: { purpose, format, rows: kept.length, leftOut, filters },
      at: now,
    });
    const omitted = leftOut.no_consent + leftOut.restricted + leftOut.unlinked;
    return {
      name: purpose === "internal" ? dataset.name : `${dataset.name}-${purpose.replace("_", "-")}`,
      headers: dataset.headers,
      rows: omitted > 0 ? [...kept, [t("export.leftOut", { n: omitted, purpose: purposeLabel })]] : kept,
      personIds: keptIds,
    };
  });
}
