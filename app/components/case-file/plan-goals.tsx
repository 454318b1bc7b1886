import type { ReactNode } from "react";
import { useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";

export interface PlanGoal {
  goal: string;
  intervention: string;
  targetDate: string;
  status: string;
}

/** The goals of an intervention plan; the last column is each goal's status (shown, or a control to change it). */
export function PlanGoalsTable<G extends PlanGoal>({
  goals,
  label,
  status,
}: {
  goals: readonly G[];
  label: string;
  status: (goal: G, index: number) => ReactNode;
}) {
  const t = useT();
  return (
    <TableScroll label={label}>
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
          {goals.map((g, i) => (
            <tr key={i}>
              <td>{g.goal}</td>
              <td>{g.intervention}</td>
              <td>
                <CalendarDate value={g.targetDate} />
              </td>
              <td>{status(g, i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The reviews of a plan, newest first, under their heading. */
export function PlanReviews({ reviews }: { reviews: readonly { id: number; reviewedOn: string; recordedByName: string | null; notes: string }[] }) {
  const t = useT();
  return (
    <>
      <h3>{t("caseFile.plan.reviews")}</h3>
      {reviews.length ? (
        <ul className="plain-list">
          {reviews.map((r) => (
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
    </>
  );
}
