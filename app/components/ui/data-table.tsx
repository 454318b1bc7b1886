import type { ReactNode } from "react";

/**
 * The scroll container of a wide table: a labelled region that a keyboard user can focus and
 * scroll (axe's scrollable-region-focusable), so no column is out of reach on a phone.
 */
export function TableScroll({
  label,
  children,
  testId,
  className,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
  /** More classes beside "table-wrap" (a page's own sizing). */
  className?: string;
}) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"} role="region" aria-label={label} tabIndex={0} data-testid={testId}>
      {children}
    </div>
  );
}

/** The one row a table shows when it has none: what is missing, across every column. */
export function EmptyRow({ when = true, colSpan, children }: { when?: boolean; colSpan: number; children: ReactNode }) {
  if (!when) return null;
  return (
    <tr>
      <td colSpan={colSpan} className="muted">
        {children}
      </td>
    </tr>
  );
}

/** A column heading with more than its label: the language it is in, its classes ("num" for figures, "hide-sm"). */
export interface ColumnHead {
  label: string;
  lang?: string;
  className?: string;
}

/** The header row of a table: one column heading per label. */
export function ColumnHeads({ labels }: { labels: readonly (string | ColumnHead)[] }) {
  return (
    <thead>
      <tr>
        {labels.map((head) => {
          const { label, lang, className } = typeof head === "string" ? { label: head } : head;
          return (
            <th scope="col" key={label} lang={lang} className={className}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** A data table: its column heads and rows, in a scroll region named after it that a keyboard can reach. */
export function DataTable({
  label,
  heads,
  testId,
  children,
}: {
  label: string;
  heads: readonly (string | ColumnHead)[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table data-testid={testId}>
        <ColumnHeads labels={heads} />
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
