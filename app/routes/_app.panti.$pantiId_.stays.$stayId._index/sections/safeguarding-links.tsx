import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** The safeguarding pages of the file: the restriction, who opened it, the right-to-know summary. */
export function SafeguardingLinks({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const { restriction, can } = file;
  const links = [
    restriction.canChange || restriction.restricted ? { to: `${base}/restriction`, label: t("safeguarding.restriction.manage"), testId: "restriction-link" } : null,
    can.readLog ? { to: `${base}/reads`, label: t("readLog.link"), testId: "read-log-link" } : null,
    can.summary ? { to: `${base}/summary`, label: t("summary.link"), testId: "summary-link" } : null,
  ].filter((l) => l != null);
  if (links.length === 0) return null;
  return (
    <nav className="no-print small" aria-label={t("safeguarding.restriction.manage")}>
      {links.map((l, i) => (
        <span key={l.to}>
          {i > 0 ? " · " : ""}
          <Link to={l.to} data-testid={l.testId}>
            {l.label}
          </Link>
        </span>
      ))}
    </nav>
  );
}
