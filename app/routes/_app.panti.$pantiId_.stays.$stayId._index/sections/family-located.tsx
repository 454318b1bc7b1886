import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** The banner once the family is found, with the way to the exit while the stay is open. */
export function FamilyLocated({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const lang = useLang();
  const { stay, can } = file;
  const located = file.family.located;
  if (!located) return null;
  return (
    <div className="family-located" role="status" data-testid="family-located">
      <strong>{t("caseFile.family.located")}</strong>
      <span>
        {t("caseFile.family.locatedOn", { date: formatDate(lang, located.attemptedAt) })}
        {located.contactName ? ` ${located.contactName}.` : ""} {stay.open ? t("caseFile.family.locatedHint") : ""}
      </span>
      {stay.open && can.exit ? (
        <Link className="button small no-print" to={`${base}/exit`}>
          {t("caseFile.family.toExit")}
        </Link>
      ) : null}
    </div>
  );
}
