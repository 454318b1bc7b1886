import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { personSummary } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { PageHeader } from "~/components/ui/page-header";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { titleOf } from "~/utils/meta";
import { IdentityPart, PersonRecordsPart } from "./sections/person";
import { StayPart } from "./sections/stay";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exports", "handoffs", "placements", "safeguarding");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleOf(matches, "title.person_summary", data?.summary.person.displayName) }];

/** What the app holds about a person, printable, for their right to know. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:summary", pantiId);
  const summary = personSummary(user, pantiId, stayId);
  if (!summary) throw notFound();
  return { summary, printedBy: user.name, now: new Date() };
}

export type PersonSummary = ReturnType<typeof useLoaderData<typeof loader>>["summary"];

export default function PersonSummaryPage() {
  const { summary, printedBy, now } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { person, panti, stay } = summary;
  return (
    <article className="case-file" data-testid="person-summary">
      <PageHeader
        title={t("summary.title", { name: person.displayName })}
        crumbs={caseFileCrumbs(panti, stay, person)}
        intro={t("summary.intro")}
        actions={
          <button type="button" className="secondary no-print" onClick={() => window.print()}>
            {t("caseFile.print")}
          </button>
        }
      />
      <IdentityPart summary={summary} />
      <section className="card">
        <h2>{t("summary.stays")}</h2>
        {summary.stays.map((s) => (
          <StayPart key={s.id} stay={s} />
        ))}
      </section>
      <PersonRecordsPart summary={summary} />
      <footer className="small muted">{t("summary.printedBy", { name: printedBy, date: formatDateTime(lang, now) })}</footer>
    </article>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
