import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Occupancy } from "~/domain/capacity";
import { useT } from "~/utils/use-i18n";
import { DataTable, type ColumnHead } from "~/components/ui/data-table";
import { OccupancyMeter } from "~/components/ui/occupancy";

/**
 * A card of the home page that lists some panti (the most crowded, those with free beds): the
 * page's columns of each, then its occupancy meter, and the way to all of them.
 */
export function PantiTableCard<R extends { id: number; occupancy: Occupancy }>({
  title,
  heads,
  rows,
  cells,
  rowClass,
}: {
  title: string;
  heads: readonly (string | ColumnHead)[];
  rows: readonly R[];
  cells: (row: R) => ReactNode;
  rowClass?: (row: R) => string | undefined;
}) {
  const t = useT();
  return (
    <section className="card">
      <h2>{title}</h2>
      <DataTable label={title} heads={[...heads, t("occ.occupancy")]}>
        {rows.map((row) => (
          <tr key={row.id} className={rowClass?.(row)}>
            {cells(row)}
            <td>
              <OccupancyMeter value={row.occupancy} />
            </td>
          </tr>
        ))}
      </DataTable>
      <p style={{ marginTop: "0.75rem" }}>
        <Link to="/panti">{t("home.seeAll")} →</Link>
      </p>
    </section>
  );
}
