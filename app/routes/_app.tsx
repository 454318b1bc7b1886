import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, isRouteErrorResponse, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { canOnPanti, hasPermission } from "~/domain/permissions";
import { isDemoDatabase } from "~/queries/audit.server";
import { ownProvinceName } from "~/queries/provinces.server";
import { requireUser } from "~/utils/auth.server";
import { useT } from "~/utils/use-i18n";
import { LanguageSwitch } from "~/components/ui/language-switch";
import { ErrorPage } from "~/components/ui/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    demo: isDemoDatabase(),
    province: ownProvinceName(),
    user: {
      name: user.name,
      username: user.username,
      role: user.role,
      pantiName: user.pantiName,
    },
    nav: {
      panti: hasPermission(user, "panti:list"),
      dashboard: hasPermission(user, "report:read"),
      placements: hasPermission(user, "placement:read"),
      classes: hasPermission(user, "class:read"),
      programmes: hasPermission(user, "programme:manage"),
      residents: user.pantiId != null && canOnPanti(user, "case:read", user.pantiId) ? `/panti/${user.pantiId}/residents` : null,
      followUps: hasPermission(user, "followup:record"),
      staleStays: hasPermission(user, "stay:exit"),
      incidents: hasPermission(user, "report:read"),
      staysImport: hasPermission(user, "placement:decide") && hasPermission(user, "stay:exit"),
      users: hasPermission(user, "user:manage"),
      audit: hasPermission(user, "audit:read"),
      apiTokens: hasPermission(user, "api_token:manage"),
      provinces: hasPermission(user, "province:manage"),
      handoffs: hasPermission(user, "handoff:read"),
      approvals: hasPermission(user, "approval:decide"),
    },
  };
}

/**
 * A group of pages in one menu of the navigation (the review lists, the administration pages), so
 * that the navigation fits in two rows at laptop widths. A disclosure: it works without JavaScript
 * and closes on navigation.
 */
function NavMenu({ label, links }: { label: string; links: { to: string; label: string }[] }) {
  const { pathname } = useLocation();
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
          <NavLink key={link.to} to={link.to}>
            {link.label}
          </NavLink>
        ))}
      </div>
    </details>
  );
}

/** A group of links: nothing, one link on its own, or a menu of several. */
function NavGroup({ label, links }: { label: string; links: { to: string; label: string }[] }) {
  if (links.length === 0) return null;
  if (links.length === 1) return <NavLink to={links[0]!.to}>{links[0]!.label}</NavLink>;
  return <NavMenu label={label} links={links} />;
}

export default function AppLayout() {
  const { demo, province, user, nav } = useLoaderData<typeof loader>();
  const t = useT();
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
          <nav className="main-nav" aria-label="Menu">
            <NavLink to="/home">{t("nav.home")}</NavLink>
            {nav.dashboard ? <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink> : null}
            {nav.dashboard ? <NavLink to="/reports">{t("nav.reports")}</NavLink> : null}
            {nav.panti ? <NavLink to="/panti">{t("nav.panti")}</NavLink> : null}
            {nav.placements ? <NavLink to="/placements">{t("nav.placements")}</NavLink> : null}
            {nav.residents ? <NavLink to={nav.residents}>{t("panti.residents")}</NavLink> : null}
            {nav.classes ? <NavLink to="/classes">{t("nav.classes")}</NavLink> : null}
            {nav.programmes ? <NavLink to="/programmes">{t("nav.programmes")}</NavLink> : null}
            <NavGroup label={t("nav.monitoring")} links={monitoring} />
            <NavGroup label={t("nav.admin")} links={admin} />
          </nav>
          <div className="user-menu">
            <div className="who" data-testid="current-user">
              {user.name}
              <small title={user.pantiName ?? undefined}>
                {t(`role.${user.role}`)}
                {user.pantiName ? ` · ${user.pantiName}` : ""}
              </small>
            </div>
            <NavLink to="/account/password">{t("nav.password")}</NavLink>
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
