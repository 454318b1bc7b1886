import type { ConsentState } from "~/domain/safeguarding";
import { useT } from "~/utils/use-i18n";

/** The badge of a consent state: expired and expiring stand out. */
export function ConsentBadge({ state }: { state: ConsentState }) {
  const t = useT();
  const tone = state === "given" ? "ok" : state === "expiring" ? "info" : state === "none" ? "muted" : "full";
  return (
    <span className={`badge ${tone}`} data-state={state}>
      {t(`consentState.${state}`)}
    </span>
  );
}
