import { useEffect } from "react";
import { Link, useFetcher } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import { Instant } from "~/components/ui/dates";
import type { loader } from "~/routes/incidents.serious";

/**
 * The home page's block of serious incidents (high or critical, the last 14 days, not yet
 * acknowledged) for a panti admin's panti or for Dinsos. It loads its own data from
 * /incidents/serious, so the home page's loader stays as it is; nothing shows when there is none.
 */
export function SeriousIncidents() {
  const fetcher = useFetcher<typeof loader>();
  const t = useT();
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load("/incidents/serious");
  }, [fetcher]);
  const incidents = fetcher.data?.incidents ?? [];
  if (incidents.length === 0) return null;
  return (
    <section className="card alert error" aria-labelledby="serious-incidents" data-testid="serious-incidents">
      <h2 id="serious-incidents">{t("incident.serious.title")}</h2>
      <p className="small">{t("incident.serious.intro")}</p>
      <ul>
        {incidents.map((i) => (
          <li key={i.id} data-testid="serious-incident">
            <Instant value={i.occurredAt} withTime /> · <strong>{t(`incidentType.${i.type}`)}</strong> ({t(`severity.${i.severity}`)}) ·{" "}
            <Link to={`/panti/${i.pantiId}/stays/${i.stayId}`}>{i.displayName}</Link> · {i.pantiName}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/incidents">{t("incident.list.title")} →</Link>
      </p>
    </section>
  );
}
