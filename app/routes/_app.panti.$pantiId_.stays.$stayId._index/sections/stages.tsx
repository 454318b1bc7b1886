import { formatDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/** The stages of rehabilitation: which are reached, since when, and which is current. */
export function StagesSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="stages">
      <CardHeading
        id="stages"
        title={t("caseFile.stages")}
        link={file.can.write ? { to: `${base}/stage`, label: t("caseFile.stage.change") } : null}
      />
      <ol className="case-stages" data-testid="stages">
        {file.stages.map((s, i) => (
          <li key={s.code} className={`${s.current ? "current" : ""} ${s.reached ? "reached" : ""}`} aria-current={s.current ? "step" : undefined}>
            <span className="stage-name">{t(`stage.${s.code}`)}</span>
            <span className="stage-date">
              {s.reached
                ? s.enteredAt
                  ? t("caseFile.stage.since", { date: formatDate(lang, s.enteredAt) })
                  : // Stages from before the history was kept: the first began at admission, later ones were passed.
                    i === 0
                    ? t("caseFile.stage.since", { date: formatDate(lang, file.stay.admittedAt) })
                    : s.current
                      ? t("caseFile.stage.currentNoDate")
                      : t("caseFile.stage.passed")
                : t("caseFile.stage.notReached")}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
