import { useLocation } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";

/** CSV and XLSX links for a dataset, carrying the page's current filters. */
export function DownloadLinks({ dataset, search }: { dataset: string; search?: string }) {
  const t = useT();
  const location = useLocation();
  const query = search ?? location.search;
  return (
    <span className="downloads no-print">
      {t("dash.download")}:{" "}
      <a href={`/export/${dataset}/csv${query}`} download data-testid={`download-${dataset}-csv`}>
        {t("export.csv")}
      </a>{" "}
      ·{" "}
      <a href={`/export/${dataset}/xlsx${query}`} download data-testid={`download-${dataset}-xlsx`}>
        {t("export.xlsx")}
      </a>
    </span>
  );
}
