import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { caseFile } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { AssessmentSection } from "./sections/assessment";
import { DocumentsSection } from "./sections/documents";
import { FamilyLocated, FamilySection } from "./sections/family";
import { FollowUpsSection } from "./sections/follow-ups";
import { HandoffsSection } from "./sections/handoffs";
import { IdentitySection } from "./sections/identity";
import { PlanSection } from "./sections/plan";
import { SessionsSection } from "./sections/sessions";
import { StagesSection } from "./sections/stages";
import { StayHistorySection } from "./sections/stay-history";
import { StaySection } from "./sections/stay";
import { TrainingSection } from "./sections/training";
import { titleOf } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleOf(matches, "caseFile.title", data?.file.person.displayName) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:read", pantiId);
  const file = caseFile(user, pantiId, stayId);
  if (!file) throw notFound();
  return { file, viewer: user.name, now: new Date() };
}

/** The case file as its sections receive it. */
export type CaseFile = ReturnType<typeof useLoaderData<typeof loader>>["file"];

export default function CaseFilePage() {
  const { file, viewer, now } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const { stay, person, panti, can } = file;
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const saved = search.get("saved");

  return (
    <article className="case-file" data-testid="case-file">
      <p className="print-only small">
        {t("caseFile.title")} · {panti.name}
      </p>
      <PageHeader
        title={
          <>
            {person.displayName}{" "}
            {person.unidentified ? <span className="badge full">{t("caseFile.unidentified")}</span> : null}
            {stay.reentry ? <span className="badge info">{t("caseFile.reentry")}</span> : null}
          </>
        }
        crumbs={[
          { to: "/panti", label: t("nav.panti") },
          { to: `/panti/${panti.id}`, label: panti.name },
          { to: `/panti/${panti.id}/residents`, label: t("caseFile.residents") },
        ]}
        intro={
          <>
            {t(`sex.${person.sex}`)} · {t("caseFile.stay.admittedAt")} <Instant value={stay.admittedAt} /> ·{" "}
            <span className="badge ok" data-testid="current-stage">
              {t(`stage.${stay.stage}`)}
            </span>
          </>
        }
        actions={
          <>
            <button type="button" className="secondary" onClick={() => window.print()}>
              {t("caseFile.print")}
            </button>
            {can.recordSession ? (
              <Link className="button" to={`${base}/sessions/new`}>
                {t("psychosocial.record")}
              </Link>
            ) : null}
          </>
        }
      />

      <div className="no-print">
        <Flash
          testId="saved-message"
          message={
            !saved ? null : saved === "stage" ? t("caseFile.saved.stage", { stage: t(`stage.${stay.currentStage}`) }) : t.dynamic(`caseFile.saved.${saved}`)
          }
        />
      </div>
      {!stay.open ? <div className="alert info">{t("caseFile.closedStay")}</div> : null}
      <FamilyLocated file={file} base={base} />

      <div className="grid-2">
        <IdentitySection file={file} base={base} />
        <StaySection file={file} base={base} now={now} />
      </div>
      <StagesSection file={file} base={base} />
      <div className="grid-2">
        <AssessmentSection file={file} base={base} />
        <PlanSection file={file} base={base} />
      </div>
      <SessionsSection file={file} base={base} />
      <FamilySection file={file} base={base} />
      <HandoffsSection file={file} base={base} />
      <DocumentsSection file={file} base={base} />
      <TrainingSection file={file} />
      <FollowUpsSection file={file} />
      <StayHistorySection file={file} />

      <footer className="print-only small">
        <p>{t("caseFile.printedBy", { name: viewer, date: formatDateTime(lang, now) })}</p>
        <p>{t("caseFile.printNote")}</p>
      </footer>
    </article>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
