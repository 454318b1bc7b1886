import { formatCalendarDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { PlanGoalsTable, PlanReviews } from "~/components/case-file/plan-goals";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { ApprovalState } from "~/components/approvals/approval-state";
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
          <ApprovalState state={plan.approval} />
          <PlanGoalsTable
            goals={plan.goals}
            label={t("caseFile.plan")}
            status={(g) => (
              <span className={`badge ${g.status === "achieved" ? "ok" : g.status === "dropped" ? "muted" : "info"}`}>{t(`goalStatus.${g.status}`)}</span>
            )}
          />
          <PlanReviews reviews={plan.reviews} />
        </div>
      ) : (
        <p className="muted">{t("caseFile.plan.none")}</p>
      )}
    </section>
  );
}
