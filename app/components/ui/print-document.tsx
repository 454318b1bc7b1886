import type { ReactNode } from "react";
import { useT } from "~/utils/use-i18n";
import { PageHeader } from "~/components/ui/page-header";

/** Who issues a printed document: the panti under the Dinas Sosial letterhead. */
export interface Issuer {
  name: string;
  address?: string | null;
  kota?: string | null;
}

/** A signature block: the side's role, who they act for, and the name under the line. */
export interface Signatory {
  role: ReactNode;
  actingFor: ReactNode;
  name?: string | null;
}

/**
 * A printable official document (a handover record, a cover letter): a back link and a print
 * button that do not print, the letterhead, the title and number, label/value rows, and the two
 * signature blocks.
 */
export function PrintDocument({
  back,
  testId,
  issuer,
  title,
  subtitle,
  opening,
  rows,
  children,
  closing,
  signatories,
}: {
  back: { to: string; label: string };
  testId: string;
  issuer: Issuer;
  title: string;
  subtitle: ReactNode;
  opening: ReactNode;
  rows: readonly (readonly [string, string])[];
  /** Anything between the rows and the closing sentence (free-text notes). */
  children?: ReactNode;
  closing: ReactNode;
  signatories: readonly [Signatory, Signatory];
}) {
  const t = useT();
  return (
    <>
      <PageHeader
        className="no-print"
        crumbs={[{ to: back.to, label: `← ${back.label}` }]}
        actions={
          <button type="button" onClick={() => window.print()}>
            {t("common.print")}
          </button>
        }
      />
      <article className="document" data-testid={testId}>
        <div className="letterhead">
          <span>PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA</span>
          <strong>DINAS SOSIAL</strong>
          <strong>{issuer.name.toUpperCase()}</strong>
          <span className="small">{[issuer.address, issuer.kota].filter(Boolean).join(", ")}</span>
        </div>
        <h1>{title}</h1>
        <p className="doc-sub">{subtitle}</p>
        <p>{opening}</p>
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <td>{label}</td>
                <td>: {value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {children}
        <p className="doc-closing">{closing}</p>
        <div className="signatures">
          {signatories.map((s, i) => (
            <div key={i}>
              {s.role}
              <br />
              {s.actingFor}
              <div className="line">{s.name || "\u00a0"}</div>
            </div>
          ))}
        </div>
      </article>
    </>
  );
}
