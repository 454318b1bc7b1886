import { Link } from "@remix-run/react";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { useLang, useT } from "~/utils/use-i18n";
import { DataTable } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** Every stay of the person, in any panti: this one marked, the others linked where the user may open them. */
export function StayHistorySection({ file }: { file: CaseFile }) {
  const t = useT();
  const lang = useLang();
  const { stay } = file;
  return (
    <section className="card" aria-labelledby="history">
      <h2 id="history">{t("caseFile.history")}</h2>
      <DataTable label={t("caseFile.history")} heads={[t("caseFile.stay.panti"), t("caseFile.history.admitted"), t("caseFile.history.exited"), t("caseFile.history.outcome")]} testId="stay-history">
        {file.stayHistory.map((h) => (
          <tr key={h.id} className={h.id === stay.id ? "highlight" : undefined}>
            <td>
              {h.id === stay.id ? (
                <>
                  {h.pantiName} <span className="muted small">({t("caseFile.history.thisStay")})</span>
                </>
              ) : h.canOpen ? (
                <Link to={`/panti/${h.pantiId}/stays/${h.id}`}>{h.pantiName}</Link>
              ) : (
                h.pantiName
              )}
              {h.reentry ? <span className="badge info">{t("caseFile.reentry")}</span> : null}
            </td>
            <td>
              <Instant value={h.admittedAt} />
            </td>
            <td>{h.exitedAt ? <Instant value={h.exitedAt} /> : t("caseFile.history.ongoing")}</td>
            <td>
              {h.exitOutcome ? referenceLabel(EXIT_OUTCOMES, h.exitOutcome, lang) : "–"}
              {h.exitDestination ? <div className="muted small">{h.exitDestination}</div> : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
