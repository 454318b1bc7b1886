import { formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import type { PlacementPageData } from "~/routes/_app.placements.$placementId/route";

/** How the ten best panti fit this person, the referral's target highlighted. */
export function MatchingTable({ ranking, targetPantiId }: { ranking: PlacementPageData["ranking"]; targetPantiId: number }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" data-testid="ranking">
      <h2>{t("placement.matching")}</h2>
      <p className="muted small">{t("placement.matching.intro")}</p>
      <TableScroll label={t("placement.matching")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("panti.col.name")}</th>
              <th scope="col" className="num">{t("placement.score")}</th>
              <th scope="col" className="num">{t("occ.available")}</th>
              <th scope="col">{t("occ.occupancy")}</th>
              <th scope="col">{t("placement.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.slice(0, 10).map((r) => (
              <tr key={r.pantiId} className={r.pantiId === targetPantiId ? "highlight" : undefined}>
                <td>
                  {r.name}
                  {r.excluded ? <span className="badge muted"> {t("placement.notPossible")}</span> : null}
                </td>
                <td className="num">{r.score}</td>
                <td className="num">{r.freeBedsForSex}</td>
                <td>{formatPercent(lang, r.occupancy.occupancyPct)}</td>
                <td className="small">
                  {r.reasons.map((reason) => (
                    <span key={reason.key} className={`reason ${reason.effect}`}>
                      {t.dynamic(reason.key, reason.params)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
