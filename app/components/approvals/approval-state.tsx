import { Link } from "@remix-run/react";
import type { ApprovalStatus } from "~/domain/approvals";
import { formatDateTime } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

const CLASS: Record<ApprovalStatus, string> = { pending: "full", approved: "ok", rejected: "over", superseded: "muted" };

/** The state of a request as a badge: awaiting approval, approved, rejected, superseded. */
export function ApprovalBadge({ status }: { status: ApprovalStatus }) {
  const t = useT();
  return (
    <span className={`badge ${CLASS[status]}`} data-testid="approval-status" data-status={status}>
      {t(`approval.status.${status}`)}
    </span>
  );
}

export interface ApprovalStateView {
  id: number;
  status: ApprovalStatus;
  requestedByName: string;
  requestedAt: Date | string;
  decidedByName: string | null;
  decidedAt: Date | string | null;
  decisionReason: string | null;
  canDecide: boolean;
}

/**
 * Where a plan, an exit or a hand-off stands with its approval: the badge, who asked and when,
 * who decided and when (and why, for a rejection), and a link to decide for those who may.
 */
export function ApprovalState({ state }: { state: ApprovalStateView | null | undefined }) {
  const t = useT();
  const lang = useLang();
  if (!state) return null;
  const decided = state.decidedAt && state.decidedByName && (state.status === "approved" || state.status === "rejected");
  return (
    <p className="small approval-state" data-testid="approval-state">
      <ApprovalBadge status={state.status} />{" "}
      <span className="muted">{t("approval.requested", { name: state.requestedByName, date: formatDateTime(lang, new Date(state.requestedAt)) })}</span>
      {decided ? (
        <>
          {" · "}
          <span data-testid="approval-decided">
            {t(`approval.decided.${state.status as "approved" | "rejected"}`, { name: state.decidedByName!, date: formatDateTime(lang, new Date(state.decidedAt!)) })}
          </span>
          {state.decisionReason ? ` — ${state.decisionReason}` : ""}
        </>
      ) : null}
      {state.status === "pending" && state.canDecide ? (
        <>
          {" "}
          <Link to={`/approvals/${state.id}`} className="button small" data-testid="approval-decide">
            {t("approval.decide")}
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** How long a request has waited ("5 jam", "3 hari"). */
export function ApprovalWaiting({ waiting }: { waiting: { unit: "hours" | "days"; n: number } }) {
  const t = useT();
  return <>{t(`approval.${waiting.unit}`, { n: waiting.n })}</>;
}
