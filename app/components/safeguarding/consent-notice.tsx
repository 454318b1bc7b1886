import { Link } from "@remix-run/react";
import type { ConsentPurpose, ConsentState } from "~/domain/safeguarding";
import { formatCalendarDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { ConsentBadge } from "./consent-badge";

/**
 * The person's consent for the purpose a form sends their data for, shown before the user
 * fills the form in: its state, and when it is not in force what to do and where.
 */
export function ConsentNotice({
  consent,
  consentPath,
  missing,
}: {
  consent: { purpose: ConsentPurpose; state: ConsentState; allowed: boolean; expiresOn: string | null };
  /** The case file's consent page. */
  consentPath: string;
  /** What the form cannot do without it, in the user's language. */
  missing: string;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <div className={consent.allowed ? "alert info" : "alert warning"} data-testid="consent-notice" data-state={consent.state} role={consent.allowed ? undefined : "alert"}>
      <p>
        {t("consent.notice.label", { purpose: t(`consentPurpose.${consent.purpose}`) })}: <ConsentBadge state={consent.state} />
        {consent.allowed && consent.expiresOn ? ` ${t("consent.expiresOn")} ${formatCalendarDate(lang, consent.expiresOn)}` : null}
      </p>
      {consent.allowed ? null : (
        <p>
          {missing} <Link to={consentPath}>{t("consent.manage")}</Link>
        </p>
      )}
    </div>
  );
}
