import { useState, type FormEvent } from "react";
import { useLocation } from "@remix-run/react";
import { EXPORT_PURPOSES } from "~/domain/enums";
import { useT } from "~/utils/use-i18n";

/**
 * Downloads the file the form asks for, in the page: a refusal (no one in the list consented to
 * that recipient, a bad filter) is shown beside the form instead of replacing the page. Without
 * JavaScript the form is an ordinary GET and the browser shows the refusal as text.
 */
async function downloadInPage(event: FormEvent<HTMLFormElement>, refused: (message: string | null) => void): Promise<void> {
  const form = event.currentTarget;
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  const action = submitter instanceof HTMLButtonElement && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
  event.preventDefault();
  refused(null);
  const url = new URL(action, window.location.href);
  url.search = new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)])).toString();
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) {
      refused((await response.text()).slice(0, 500));
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? url.pathname.split("/").slice(-2).join(".");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch {
    // The network failed: fall back to the browser's own download.
    window.location.assign(url);
  }
}

/**
 * CSV and XLSX links for a dataset, carrying the page's current filters. A list that names
 * people (`named`) is downloaded through a small form that states what the file is for: internal
 * work, or a recipient outside, for whom only the persons who consented to it are in the file.
 */
export function DownloadLinks({ dataset, search, named = false }: { dataset: string; search?: string; named?: boolean }) {
  const t = useT();
  const location = useLocation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const query = search ?? location.search;
  if (named) {
    const params = [...new URLSearchParams(query)].filter(([key]) => key !== "for" && key !== "page");
    return (
      <form
        method="get"
        action={`/export/${dataset}/csv`}
        className="downloads no-print"
        data-testid={`download-${dataset}`}
        onSubmit={(event) => void downloadInPage(event, setRefusal)}
      >
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
        {refusal ? (
          <p className="alert error" role="alert" data-testid={`download-${dataset}-refused`}>
            {refusal}
          </p>
        ) : null}
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
