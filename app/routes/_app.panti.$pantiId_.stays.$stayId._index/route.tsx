import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { caseEnrolSchema } from "~/utils/loader-schemas.server";
import { caseFile } from "~/queries/case-file.server";
import { enrolableClasses } from "~/queries/programmes.server";
import { enrolResidents } from "~/services/programmes.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { formatDateTime } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { AssessmentSection } from "./sections/assessment";
import { FamilyLocated } from "./sections/family-located";
import { IdentitySection } from "./sections/identity";
import { LazyArrivedFrom, LazyLaterSections } from "./sections/lazy-sections";
import { SafeguardingLinks } from "./sections/safeguarding-links";
import { PlanSection } from "./sections/plan";
import { StagesSection } from "./sections/stages";
import { StaySection } from "./sections/stay";
import { titleOf } from "~/utils/meta";
import { messagesHandle, messagesWhenSeen } from "~/utils/message-groups";

// The sections loaded when seen (./sections/lazy-sections.tsx) bring the groups only they use.
export const handle = {
  ...messagesHandle("approvals", "casefile", "safeguarding"),
  ...messagesWhenSeen("exits", "exports", "handoffs", "programmes", "provinces"),
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleOf(matches, "caseFile.title", data?.file.person.displayName) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:read", pantiId);
  const file = caseFile(user, pantiId, stayId);
  if (!file) throw notFound();
  const classes = file.can.enrol ? enrolableClasses(user, pantiId, file.person.id) : [];
  return { file, classes, viewer: user.name, now: new Date() };
}

/** Enrolment in a class of the panti, from the case file. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "class:manage", pantiId);
  const submitted = await submitForm(request, caseEnrolSchema, (input) => enrolResidents(user, input.classId, [stayId]));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=enrolment#training`);
}

/** The case file as its sections receive it. */
export type CaseFile = ReturnType<typeof useLoaderData<typeof loader>>["file"];
export type EnrolableClass = ReturnType<typeof useLoaderData<typeof loader>>["classes"][number];

export default function CaseFilePage() {
  const { file, classes, viewer, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
            {file.restriction.restricted ? (
              <span className="badge full" data-testid="restricted-badge">
                {t("safeguarding.restricted")}
              </span>
            ) : null}
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
      {person.masked ? <div className="alert info">{t("safeguarding.restriction.masked")}</div> : null}
      <SafeguardingLinks file={file} base={base} />
      <FamilyLocated file={file} base={base} />

      <div className="grid-2">
        <IdentitySection file={file} base={base} />
        <StaySection file={file} base={base} now={now} />
      </div>
      <LazyArrivedFrom file={file} />
      <StagesSection file={file} base={base} />
      <div className="grid-2">
        <AssessmentSection file={file} base={base} />
        <PlanSection file={file} base={base} />
      </div>
      <LazyLaterSections file={file} base={base} classes={classes} failed={actionData && !actionData.ok ? actionData : null} />

      <footer className="print-only small">
        <p>{t("caseFile.printedBy", { name: viewer, date: formatDateTime(lang, now) })}</p>
        <p>{t("caseFile.printNote")}</p>
      </footer>
    </article>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
