import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** The vocational classes the resident is or was enrolled in. */
export function TrainingSection({ file }: { file: CaseFile }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="training">
      <h2 id="training">{t("caseFile.training")}</h2>
      {file.enrolments.length ? (
        <TableScroll label={t("caseFile.training")}>
          <table>
            <thead>
              <tr>
                <th>{t("caseFile.training.programme")}</th>
                <th>{t("caseFile.training.class")}</th>
                <th>{t("caseFile.training.period")}</th>
                <th>{t("common.status")}</th>
                <th>{t("caseFile.training.certificate")}</th>
              </tr>
            </thead>
            <tbody>
              {file.enrolments.map((e) => (
                <tr key={e.id}>
                  <td>{lang === "en" ? e.programmeNameEn : e.programmeNameId}</td>
                  <td>{e.className}</td>
                  <td>
                    <CalendarDate value={e.startDate} /> – <CalendarDate value={e.endDate} />
                  </td>
                  <td>{t(`enrolmentStatus.${e.status}`)}</td>
                  <td>{e.certificateNumber ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("caseFile.training.none")}</p>
      )}
    </section>
  );
}
