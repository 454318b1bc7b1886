import type { ReactNode } from "react";
import { useT } from "~/utils/use-i18n";
import { TableScroll } from "./data-table";

/** The numbers behind a chart (or a report block): first column text, the others right-aligned. */
export
function NumbersTable({ caption, headers, rows }: { caption?: string; headers: string[]; rows: ReactNode[][] }) {
  const t = useT();
  return (
    <TableScroll className="numbers" label={caption ?? t("dash.table")}>
      <table>
        <caption className={caption ? "muted small" : "skip-link"} style={caption ? { textAlign: "left", padding: "0.4rem 0.5rem" } : undefined}>
          {caption ?? t("dash.table")}
        </caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={j > 0 ? "num" : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
