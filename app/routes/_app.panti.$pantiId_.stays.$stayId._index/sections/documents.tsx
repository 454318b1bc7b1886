import { useT } from "~/utils/use-i18n";
import { IdentityDocumentFacts } from "~/components/case-file/identity-documents";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/** Where each identity document stands (NIK, KK, e-KTP, BPJS). */
export function DocumentsSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="documents">
      <CardHeading id="documents" title={t("caseFile.identity.docs")} link={file.can.write ? { to: `${base}/identity`, label: t("caseFile.identity.manage") } : null} />
      <dl className="facts">
        <IdentityDocumentFacts status={file.identity.status} />
      </dl>
    </section>
  );
}
