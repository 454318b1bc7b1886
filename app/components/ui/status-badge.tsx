import type { PlacementStatus } from "~/domain/enums";
import { useT } from "~/utils/use-i18n";

const CLASS: Record<PlacementStatus, string> = {
  pending: "full",
  accepted: "ok",
  declined: "over",
  redirected: "info",
  cancelled: "muted",
};

export function StatusBadge({ status }: { status: PlacementStatus }) {
  const t = useT();
  return (
    <span className={`badge ${CLASS[status]}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
