import { useCallback, type MouseEvent } from "react";
import { useNavigate } from "@remix-run/react";

/**
 * Client-side navigation for the plain anchors (`<a href>`) of a long list, handled once by the
 * element that holds them: give it `onClick={useFollowLinks()}`.
 *
 * A `<Link>` per row resolves its path against the router and subscribes to its state while the
 * page renders on the server and again while it hydrates, and Remix collects the path of every
 * rendered `<Link>` for route discovery: on a 50-row list with two links a row that is a large
 * part of the page's server rendering. A plain anchor is followed as `<Link>` would follow it (a
 * client-side navigation, its route found when it is followed); a click with a modifier key or
 * another button, a link with a target or a download, or one to another origin is left to the
 * browser, and without JavaScript the anchors are ordinary links.
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
      navigate(link.pathname + link.search + link.hash);
    },
    [navigate],
  );
}
