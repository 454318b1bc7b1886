import { Fragment } from "react";
import type { IdentityDocument } from "~/domain/case-file";
import { IDENTITY_DOCUMENTS } from "~/domain/enums";
import { useT } from "~/utils/use-i18n";
import { CalendarDate } from "~/components/ui/dates";

/**
 * Where each identity document stands (NIK, KK, e-KTP, BPJS), as terms of a facts list: the
 * latest step and its day, or that none is recorded.
 */
export function IdentityDocumentFacts({ status }: { status: Record<IdentityDocument, { status: string; stepOn: string } | null> }) {
  const t = useT();
  return (
    <>
      {IDENTITY_DOCUMENTS.map((doc) => {
        const step = status[doc];
        return (
          <Fragment key={doc}>
            <dt>{t(`identityDoc.${doc}`)}</dt>
            <dd>
              {step ? (
                <>
                  {t.dynamic(`identityStatus.${step.status}`)} · <CalendarDate value={step.stepOn} />
                </>
              ) : (
                t("caseFile.identity.noSteps")
              )}
            </dd>
          </Fragment>
        );
      })}
    </>
  );
}
