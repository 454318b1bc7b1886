import { Form, Outlet, isRouteErrorResponse, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/utils/use-i18n";
import { ErrorPage, LanguageSwitch, NavAnchor, useFollowLinks } from "~/components/ui/page-kit";
import type { loader } from "./layout.server";

export { loader } from "./layout.server";

/**
 * A group of pages in one menu of the navigation (the review lists, the administration pages), so
 * that the navigation fits in two rows at laptop widths. A disclosure: it works without JavaScript
 * and closes on navigation.
 */
function NavMenu({ label, links, pathname }: { label: string; links: { to: string; label: string }[]; pathname: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  const here = links.some((link) => pathname.startsWith(link.to));
  return (
    <details className={here ? "nav-menu active" : "nav-menu"} ref={ref}>
      <summary>{label}</summary>
      <div className="nav-menu-items">
        {links.map((link) => (
          <NavAnchor key={link.to} to={link.to} pathname={pathname}>
            {link.label}
          </NavAnchor>
        ))}
      </div>
    </details>
  );
}

/** A group of links: nothing, one link on its own, or a menu of several. */
function NavGroup({ label, links, pathname }: { label: string; links: { to: string; label: string }[]; pathname: string }) {
  if (links.length === 0) return null;
  if (links.length === 1) return <NavAnchor to={links[0]!.to} pathname={pathname}>{links[0]!.label}</NavAnchor>;
  return <NavMenu label={label} links={links} pathname={pathname} />;
}

export default function AppLayout() {
  const { demo, province, user, nav } = useLoaderData<typeof loader>();
  const t = useT();
  // The navigation's links are plain markup marked against the location once, here; the
  // navigation and the user menu follow their clicks on the client.
  const { pathname } = useLocation();
  const followLinks = useFollowLinks();
  const monitoring = [
    nav.followUps ? { to: "/follow-ups", label: t("nav.followUps") } : null,
    nav.staleStays ? { to: "/stale-stays", label: t("nav.staleStays") } : null,
    nav.incidents ? { to: "/incidents", label: t("nav.incidents") } : null,
    nav.handoffs ? { to: "/handoffs", label: t("nav.handoffs") } : null,
    nav.approvals ? { to: "/approvals", label: t("nav.approvals") } : null,
  ].filter((link) => link != null);
  const admin = [
    nav.staysImport ? { to: "/stays/import", label: t("stays.import.link") } : null,
    nav.users ? { to: "/admin/users", label: t("nav.users") } : null,
    nav.audit ? { to: "/admin/audit", label: t("nav.audit") } : null,
    nav.apiTokens ? { to: "/admin/api-tokens", label: t("nav.apiTokens") } : null,
    nav.provinces ? { to: "/admin/provinces", label: t("nav.provinces") } : null,
  ].filter((link) => link != null);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      {demo ? (
        <p className="demo-banner" role="note" data-testid="demo-banner">
          {t("app.demoBanner")}
        </p>
      ) : null}
      <header className="app-header">
        <div className="app-header-inner">
          <a className="brand" href="/home">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>
              {t("app.name")} <small data-testid="instance-province">Dinsos {province}</small>
            </span>
          </a>
          <nav className="main-nav" aria-label="Menu" onClick={followLinks}>
            <NavAnchor to="/home" pathname={pathname}>{t("nav.home")}</NavAnchor>
            {nav.dashboard ? <NavAnchor to="/dashboard" pathname={pathname}>{t("nav.dashboard")}</NavAnchor> : null}
            {nav.dashboard ? <NavAnchor to="/reports" pathname={pathname}>{t("nav.reports")}</NavAnchor> : null}
            {nav.panti ? <NavAnchor to="/panti" pathname={pathname}>{t("nav.panti")}</NavAnchor> : null}
            {nav.placements ? <NavAnchor to="/placements" pathname={pathname}>{t("nav.placements")}</NavAnchor> : null}
            {nav.residents ? <NavAnchor to={nav.residents} pathname={pathname}>{t("panti.residents")}</NavAnchor> : null}
            {nav.classes ? <NavAnchor to="/classes" pathname={pathname}>{t("nav.classes")}</NavAnchor> : null}
            {nav.programmes ? <NavAnchor to="/programmes" pathname={pathname}>{t("nav.programmes")}</NavAnchor> : null}
            <NavGroup label={t("nav.monitoring")} links={monitoring} pathname={pathname} />
            <NavGroup label={t("nav.admin")} links={admin} pathname={pathname} />
          </nav>
          <div className="user-menu" onClick={followLinks}>
            <div className="who" data-testid="current-user">
              {user.name}
              <small title={user.pantiName ?? undefined}>
                {t(`role.${user.role}`)}
                {user.pantiName ? ` · ${user.pantiName}` : ""}
              </small>
            </div>
            <NavAnchor to="/account/password" pathname={pathname}>{t("nav.password")}</NavAnchor>
            <LanguageSwitch />
            <Form method="post" action="/logout">
              <button type="submit">{t("nav.signOut")}</button>
            </Form>
          </div>
        </div>
      </header>
      <main className="page" id="main">
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="page" id="main">
      <ErrorPage status={status} t={t} />
    </main>
  );
}
