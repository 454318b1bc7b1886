import { Link } from "@remix-run/react";
import { PSYCHOSOCIAL_SERVICES } from "~/domain/case-file";
import { referenceLabel } from "~/domain/reference";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/** The psychosocial sessions that took place (never their confidential notes). */
export function SessionsSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const lang = useLang();
  const { can } = file;
  return (
    <section className="card" aria-labelledby="sessions">
      <CardHeading
        id="sessions"
        title={t("psychosocial.sessions")}
        link={can.recordSession ? { to: `${base}/sessions/new`, label: t("psychosocial.record") } : null}
      />
      {file.sessions.length ? (
        <TableScroll label={t("psychosocial.sessions")}>
          <table data-testid="sessions">
            <thead>
              <tr>
                <th>{t("common.date")}</th>
                <th>{t("psychosocial.service")}</th>
                <th>{t("psychosocial.provider")}</th>
                <th>{t("psychosocial.summary")}</th>
                <th>{t("psychosocial.followUp")}</th>
                <th className="no-print">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {file.sessions.map((s) => (
                <tr key={s.id} data-testid="session-row">
                  <td>
                    <Instant value={s.sessionAt} withTime />
                    <div className="muted small">{t("psychosocial.minutes", { n: s.durationMinutes })}</div>
                  </td>
                  <td>
                    {referenceLabel(PSYCHOSOCIAL_SERVICES, s.serviceCode, lang)}
                    <div className="muted small">
                      {t(`sessionMode.${s.mode}`)}
                      {s.mode === "group" && s.participants ? ` · ${t("psychosocial.participantsCount", { n: s.participants })}` : ""}
                    </div>
                  </td>
                  <td>{s.providerName}</td>
                  <td className="pre">{s.summary ?? "–"}</td>
                  <td className="pre">{s.followUp ?? "–"}</td>
                  <td className="no-print">
                    <Link to={`${base}/sessions/${s.id}`}>{can.readNotes ? t("psychosocial.openNote") : t("psychosocial.details")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("psychosocial.none")}</p>
      )}
    </section>
  );
}
