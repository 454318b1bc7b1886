import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/utils/use-i18n";
import { DataTable, type ColumnHead } from "~/components/ui/data-table";

/** A card of the home page that lists some panti (the most crowded, those with free beds), with the way to all of them. */
export function PantiTableCard({ title, heads, children }: { title: string; heads: readonly (string | ColumnHead)[]; children: ReactNode }) {
  const t = useT();
  return (
    <section className="card">
      <h2>{title}</h2>
      <DataTable label={title} heads={heads}>
        {children}
      </DataTable>
      <p style={{ marginTop: "0.75rem" }}>
        <Link to="/panti">{t("home.seeAll")} →</Link>
      </p>
    </section>
  );
}
