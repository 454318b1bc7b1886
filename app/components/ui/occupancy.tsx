import { occupancyLevel, type Occupancy } from "~/domain/capacity";
import { formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

/** Occupancy percentage with a bar and a badge when full or over capacity. */
export function OccupancyMeter({ value }: { value: Occupancy }) {
  const lang = useLang();
  const t = useT();
  const level = occupancyLevel(value);
  const width = Math.min(100, value.occupancyPct ?? 0);
  return (
    <div>
      <span>{formatPercent(lang, value.occupancyPct)}</span>{" "}
      {level === "over" ? <span className="badge over">{t("occ.overCapacity")}</span> : null}
      {level === "full" ? <span className="badge full">{t("occ.full")}</span> : null}
      <div
        className={`meter ${level}`}
        role="img"
        aria-label={`${t("occ.occupancy")} ${formatPercent(lang, value.occupancyPct)}`}
      >
        <span style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}
