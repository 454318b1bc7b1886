import type { ReactNode } from "react";
import { Link, useLocation } from "@remix-run/react";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

/** The current URL with `page` set (page 1 drops the parameter); every other filter is kept. */
export function usePageHref(param = "page"): (page: number) => string {
  const { pathname, search } = useLocation();
  return (page) => {
    const params = new URLSearchParams(search);
    if (page <= 1) params.delete(param);
    else params.set(param, String(page));
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
}

interface PagerText {
  /** Shown between the links (numbered: "Page 2 of 5" by default). */
  status?: ReactNode;
  /** The accessible name of the navigation ("Pages" by default). */
  label?: string;
  /** The texts of the links ("Previous" / "Next" by default; "Newer" / "Older" in a log). */
  previousLabel?: ReactNode;
  nextLabel?: ReactNode;
}

/**
 * Previous / next links of a list. Either numbered (`page` of `pages`, links built from the
 * current URL) or by cursor (`previous` and `next` hrefs, for keyset-paginated lists).
 * Nothing is shown when there is only one page.
 */
export function Pager(
  props:
    | ({ page: number; pages: number } & PagerText)
    | ({ previous: string | null; next: string | null } & PagerText),
) {
  const t = useT();
  const hrefFor = usePageHref();
  let previous: string | null;
  let next: string | null;
  let status = props.status;
  if ("page" in props) {
    if (props.pages <= 1) return null;
    previous = props.page > 1 ? hrefFor(props.page - 1) : null;
    next = props.page < props.pages ? hrefFor(props.page + 1) : null;
    status ??= t("common.pageOf", { page: props.page, pages: props.pages });
  } else {
    ({ previous, next } = props);
    if (!previous && !next) return null;
  }
  return (
    <nav className="pagination" aria-label={props.label ?? t("common.pagination")}>
      {previous ? (
        <Link to={previous} rel="prev">
          ← {props.previousLabel ?? t("common.previous")}
        </Link>
      ) : null}
      {status ? <span className="muted">{status}</span> : null}
      {next ? (
        <Link to={next} rel="next">
          {props.nextLabel ?? t("common.next")} →
        </Link>
      ) : null}
    </nav>
  );
}

/** A list's count as shown: "1,843", or "more than 10,000" for a count stopped at its limit. */
export function useCountLabel(): (total: number, exact: boolean) => string {
  const t = useT();
  const lang = useLang();
  return (total, exact) => (exact ? formatNumber(lang, total) : t("common.moreThan", { n: formatNumber(lang, total) }));
}

/**
 * The pager of a list counted up to a limit (app/queries/paging.server.ts): "Page 2 of 37", or
 * "Page 2" past the limit, where the pages run on while there is a next one; `withTotal` adds
 * the count ("· 1,843", "· more than 10,000").
 */
export function CountedPager({
  page,
  pageCount,
  total,
  totalExact,
  withTotal = false,
  label,
}: {
  page: number;
  pageCount: number;
  total: number;
  totalExact: boolean;
  withTotal?: boolean;
  label?: string;
}) {
  const t = useT();
  const countLabel = useCountLabel();
  const position = totalExact ? t("common.pageOf", { page, pages: pageCount }) : t("common.page", { page });
  const status = withTotal ? `${position} · ${countLabel(total, totalExact)}` : position;
  return <Pager page={page} pages={pageCount} status={status} label={label} />;
}
