import type { ClassStatus } from "~/domain/programmes";
import type { T } from "~/utils/i18n";
import { useT } from "~/utils/use-i18n";

/** A class's phase (planned, active, finished) as a badge. */
export function PhaseBadge({ phase }: { phase: ClassStatus }) {
  const t = useT();
  const tone = phase === "active" ? "ok" : phase === "planned" ? "info" : "muted";
  return <span className={`badge ${tone}`}>{t(`phase.${phase}`)}</span>;
}

/**
 * Competent modules out of the active ones, as a bar: the same on the class page (one per
 * trainee) and on a trainee's page. Takes `t` so that the bench can render it outside a route.
 */
export function ProgressBar({ competent, total, percent, t }: { competent: number; total: number; percent: number; t: T }) {
  return (
    <div className="progress" data-testid="progress" data-competent={competent} data-total={total}>
      <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={competent} aria-label={t("progress.bar", { competent, total })}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="small muted">{`${competent}/${total}`}</span>
    </div>
  );
}
