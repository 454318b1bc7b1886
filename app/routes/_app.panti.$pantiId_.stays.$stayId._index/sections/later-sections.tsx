import type { FormFailure } from "~/utils/validation";
import type { CaseFile, EnrolableClass } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { DocumentsSection } from "./documents";
import { FamilySection } from "./family";
import { FollowUpsSection } from "./follow-ups";
import { HandoffsSection } from "./handoffs";
import { ConsentSection, IncidentsSection } from "./safeguarding";
import { SessionsSection } from "./sessions";
import { StayHistorySection } from "./stay-history";
import { TrainingSection } from "./training";

export interface LaterSectionsProps {
  file: CaseFile;
  base: string;
  classes: EnrolableClass[];
  failed: FormFailure | null;
}

/**
 * The case file from its psychosocial sessions down: incidents, family, hand-offs, documents,
 * consent, classes with the enrolment form, follow-ups and every stay. The page loads them when
 * they come into view (./lazy-sections.tsx), with the enrolment form's zod and react-hook-form.
 */
export function LaterSections({ file, base, classes, failed }: LaterSectionsProps) {
  return (
    <>
      <SessionsSection file={file} base={base} />
      <IncidentsSection file={file} base={base} />
      <FamilySection file={file} base={base} />
      <HandoffsSection file={file} base={base} />
      <DocumentsSection file={file} base={base} />
      <ConsentSection file={file} base={base} />
      <TrainingSection file={file} classes={classes} failed={failed} />
      <FollowUpsSection file={file} />
      <StayHistorySection file={file} />
    </>
  );
}
