import { formatCalendarDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/** The current intervention plan: its goals with their status, and its reviews. */
export function PlanSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const lang = useLang();
  const plan = file.plans[0];
  return (
    <section className="card" aria-labelledby="plan">
      <CardHeading id="plan" title={t("caseFile.plan")} link={file.can.write ? { to: `${base}/plan`, label: t("caseFile.plan.manage") } : null} />
      {plan ? (
        <div data-testid="plan">
          <p className="muted small">
            {t("caseFile.plan.current", { date: formatCalendarDate(lang, plan.createdOn) })}
            {plan.recordedByName ? ` · ${t("caseFile.by", { name: plan.recordedByName })}` : ""}
          </p>
          <TableScroll label={t("caseFile.plan")}>
            <table>
              <thead>
                <tr>
                  <th>{t("caseFile.plan.goal")}</th>
                  <th>{t("caseFile.plan.intervention")}</th>
                  <th>{t("caseFile.plan.targetDate")}</th>
                  <th>{t("caseFile.plan.status")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.goals.map((g, i) => (
                  <tr key={i}>
                    <td>{g.goal}</td>
                    <td>{g.intervention}</td>
                    <td>
                      <CalendarDate value={g.targetDate} />
                    </td>
                    <td>
                      <span className={`badge ${g.status === "achieved" ? "ok" : g.status === "dropped" ? "muted" : "info"}`}>
                        {t(`goalStatus.${g.status}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <h3>{t("caseFile.plan.reviews")}</h3>
          {plan.reviews.length ? (
            <ul className="plain-list">
              {plan.reviews.map((r) => (
                <li key={r.id}>
                  <strong>
                    <CalendarDate value={r.reviewedOn} />
                  </strong>
                  {r.recordedByName ? <span className="muted small"> · {r.recordedByName}</span> : null}
                  <div className="pre">{r.notes}</div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("caseFile.plan.noReviews")}</p>
          )}
        </div>
      ) : (
        <p className="muted">{t("caseFile.plan.none")}</p>
      )}
    </section>
  );
}
