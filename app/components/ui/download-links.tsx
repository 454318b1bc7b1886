import { useLocation } from "@remix-run/react";
import { EXPORT_PURPOSES } from "~/domain/exports";
import { useT } from "~/utils/use-i18n";

/**
 * CSV and XLSX links for a dataset, carrying the page's current filters. A list that names
 * people (`named`) is downloaded through a small form that states what the file is for: internal
 * work, or a recipient outside, for whom only the persons who consented to it are in the file.
 */
export function DownloadLinks({ dataset, search, named = false }: { dataset: string; search?: string; named?: boolean }) {
  const t = useT();
  const location = useLocation();
  const query = search ?? location.search;
  if (named) {
    const params = [...new URLSearchParams(query)].filter(([key]) => key !== "for" && key !== "page");
    return (
      <form method="get" action={`/export/${dataset}/csv`} className="downloads no-print" data-testid={`download-${dataset}`}>
        {params.map(([key, value], i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
        <label htmlFor={`purpose-${dataset}`}>{t("dash.download")}:</label>
        <select id={`purpose-${dataset}`} name="for" defaultValue="internal" aria-describedby={`purpose-${dataset}-hint`} data-testid={`download-${dataset}-purpose`}>
          {EXPORT_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {p === "internal" ? t("export.purpose.internal") : t("export.purpose.to", { purpose: t(`consentPurpose.${p}`) })}
            </option>
          ))}
        </select>
        <button type="submit" className="link-button" data-testid={`download-${dataset}-csv`}>
          {t("export.csv")}
        </button>{" "}
        ·{" "}
        <button type="submit" className="link-button" formAction={`/export/${dataset}/xlsx`} data-testid={`download-${dataset}-xlsx`}>
          {t("export.xlsx")}
        </button>
        <small id={`purpose-${dataset}-hint`} className="muted">
          {t("export.purpose.hint")}
        </small>
      </form>
    );
  }
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
