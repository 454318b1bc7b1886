import type { FieldDifference, LinkedField } from "~/domain/person-link";
import { PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { formatCalendarDate, type Lang } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";

function shown(field: LinkedField, value: string, lang: Lang) {
  if (field === "ppksCategory") return referenceLabel(PPKS_CATEGORIES, value, lang);
  if (field === "birthDate") return formatCalendarDate(lang, value);
  return value;
}

/**
 * Where the referral and a person on record disagree: one row per field, and the referral's
 * value taken only when its box is ticked (the record is kept otherwise).
 */
export function LinkDifferences({
  personId,
  differences,
  checkbox,
}: {
  personId: number;
  differences: FieldDifference[];
  checkbox: (name: string, value: string) => Record<string, unknown>;
}) {
  const t = useT();
  const lang = useLang();
  if (differences.length === 0) return <p className="small muted">{t("placement.link.same")}</p>;
  return (
    <div className="link-differences" data-testid={`differences-${personId}`}>
      <p className="small">{t("placement.link.intro")}</p>
      <TableScroll label={t("placement.link.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("placement.link.field")}</th>
              <th scope="col">{t("placement.link.record")}</th>
              <th scope="col">{t("placement.link.referral")}</th>
              <th scope="col">{t("placement.link.take")}</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => {
              const id = `take-${personId}-${d.field}`;
              return (
                <tr key={d.field}>
                  <th scope="row">{t(`placement.link.field.${d.field}`)}</th>
                  <td>{shown(d.field, d.person, lang)}</td>
                  <td>{shown(d.field, d.referral, lang)}</td>
                  <td>
                    <label className="checkbox" htmlFor={id}>
                      <input id={id} type="checkbox" {...checkbox("take", `${personId}.${d.field}`)} />
                      {t("placement.link.useReferral")}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
