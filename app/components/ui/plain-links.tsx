import { useCallback, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";
import { useNavigate } from "@remix-run/react";

/**
 * Links as plain markup, for the many links of a list or of the navigation.
 *
 * A `<Link>` resolves its path against the router and subscribes to its state while the page
 * renders on the server and again while it hydrates: with two links a row on a 50-row list, and
 * the navigation's twenty on every page, that is a large part of a page's server rendering. A
 * `PlainLink` is the markup a `<Link>` renders (an anchor with `data-discover`, so that Remix
 * discovers its route from the page as it does for a `<Link>`), and the element that holds such
 * links follows their clicks on the client with `onClick={useFollowLinks()}`. Without JavaScript
 * they are ordinary links.
 */
export function PlainLink({ href, children, ...rest }: { href: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  return (
    <a data-discover="true" href={href} {...rest}>
      {children}
    </a>
  );
}

/**
 * A navigation link as plain markup, marked as `<NavLink>` marks one: class "active" and
 * `aria-current="page"` while the location is its path or below it (case-insensitive).
 */
export function NavAnchor({ to, pathname, children }: { to: string; pathname: string; children: ReactNode }) {
  const active = isActivePath(pathname, to);
  return (
    <PlainLink href={to} aria-current={active ? "page" : undefined} className={active ? "active" : ""}>
      {children}
    </PlainLink>
  );
}

/** `<NavLink>`'s test (without `end`): the location is the path, or below it at a segment boundary. */
export function isActivePath(pathname: string, to: string): boolean {
  const here = pathname.toLowerCase();
  const path = to.toLowerCase();
  const end = path !== "/" && path.endsWith("/") ? path.length - 1 : path.length;
  return here === path || (here.startsWith(path) && here.charAt(end) === "/");
}

/**
 * The click handler of an element holding plain links: a click on one of its anchors becomes a
 * client-side navigation, as a `<Link>` would make it. A click with a modifier key or another
 * button, on a link with a target or a download, or to another origin is left to the browser.
 */
export function useFollowLinks(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      if (!link || !event.currentTarget.contains(link) || event.defaultPrevented) return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
      event.preventDefault();
      const to = link.pathname + link.search + link.hash;
      // As a <Link>: a link to the location itself replaces its history entry.
      navigate(to, { replace: to === window.location.pathname + window.location.search + window.location.hash });
    },
    [navigate],
  );
}
