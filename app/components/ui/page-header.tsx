import { Fragment, type ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";

export interface Crumb {
  /** Left out for a place the user may not open: the label shows as plain text. */
  to?: string;
  label: ReactNode;
}

/**
 * The top of every page: breadcrumbs back up the way the user came, the title, an optional line
 * of introduction and the page's main actions (buttons or links) on the right.
 */
export function PageHeader({
  title,
  crumbs,
  intro,
  actions,
  className,
  children,
}: {
  /** The page's h1; left out on a printable document, whose own heading is the title. */
  title?: ReactNode;
  crumbs?: readonly Crumb[];
  intro?: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** More lines under the title (status, counts). */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div className={className ? `page-header ${className}` : "page-header"}>
      <div>
        {crumbs && crumbs.length > 0 ? (
          <nav className="breadcrumb" aria-label={t("nav.breadcrumb")}>
            {crumbs.map((crumb, i) => (
              <Fragment key={crumb.to ?? i}>
                {i > 0 ? " / " : null}
                {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}
              </Fragment>
            ))}
          </nav>
        ) : null}
        {title != null ? <h1>{title}</h1> : null}
        {intro ? <p>{intro}</p> : null}
        {children}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
