import { formatCalendarDate, formatDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** The follow-up contacts after the exit: due, or done with their result. */
export function FollowUpsSection({ file }: { file: CaseFile }) {
  const t = useT();
  const lang = useLang();
  if (!file.followUps.length) return null;
  return (
    <section className="card" aria-labelledby="follow-ups">
      <h2 id="follow-ups">{t("caseFile.followUps")}</h2>
      <ul className="plain-list">
        {file.followUps.map((f) => (
          <li key={f.id}>
            <strong>{t("caseFile.followUp.month", { n: f.sequence })}</strong> ·{" "}
            {f.doneAt
              ? `${t("caseFile.followUp.done", { date: formatDate(lang, f.doneAt) })}${f.result ? ` · ${t(`followUp.result.${f.result}`)}` : ""}`
              : t("caseFile.followUp.due", { date: formatCalendarDate(lang, f.dueDate) })}
            {f.notes ? <div className="pre small">{f.notes}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
