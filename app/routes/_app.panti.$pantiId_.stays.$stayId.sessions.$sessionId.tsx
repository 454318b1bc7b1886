import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PSYCHOSOCIAL_SERVICES } from "~/domain/case-file";
import { referenceLabel } from "~/domain/reference";
import { readSession } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PageHeader } from "~/components/ui/page-header";
import { titleOf } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile");

/** A confidential note must not stay in a browser's or a proxy's cache. */
export const headers = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "title.psychosocial_session") }, { name: "robots", content: "noindex" }];

/**
 * One session of a resident. Everyone who may read the case file sees that it took place; the
 * confidential note is part of the answer only for psychosocial staff of the panti and Dinsos
 * admins, and each such view is written to the audit log (by the query).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId, sessionId } = idParams(params, "pantiId", "stayId", "sessionId");
  const user = await requirePermission(request, "case:read", pantiId);
  const data = readSession(user, pantiId, stayId, sessionId);
  if (!data) throw notFound();
  return data;
}

export default function SessionPage() {
  const { stay, person, panti, session, participants, confidential } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  return (
    <>
      <PageHeader
        title={referenceLabel(PSYCHOSOCIAL_SERVICES, session.serviceCode, lang)}
        crumbs={caseFileCrumbs(panti, stay, person)}
        intro={
          <>
            {formatDateTime(lang, session.sessionAt)} · {t("psychosocial.minutes", { n: session.durationMinutes })} ·{" "}
            {t(`sessionMode.${session.mode}`)}
          </>
        }
      />
      <section className="card" data-testid="session">
        <dl className="facts">
          <dt>{t("psychosocial.provider")}</dt>
          <dd>{session.providerName}</dd>
          <dt>{t("psychosocial.participants")}</dt>
          <dd>
            {participants.map((p, i) => (
              <span key={p.stayId}>
                {i > 0 ? ", " : ""}
                {p.stayId === stay.id ? <strong>{p.displayName}</strong> : p.displayName}
              </span>
            ))}
          </dd>
          <dt>{t("psychosocial.summary")}</dt>
          <dd className="pre">{session.summary ?? "–"}</dd>
          <dt>{t("psychosocial.followUp")}</dt>
          <dd className="pre">{session.followUp ?? "–"}</dd>
        </dl>
        <p className="muted small">
          {t("psychosocial.recordedBy", { name: session.createdByName ?? "–", date: formatDateTime(lang, session.createdAt) })}
        </p>
      </section>
      <section className="card confidential no-print" aria-labelledby="note" data-testid="confidential-note">
        <h2 id="note">{t("psychosocial.note")}</h2>
        {confidential ? (
          <>
            {confidential.note ? <p className="pre" data-testid="note-text">{confidential.note}</p> : <p className="muted">{t("psychosocial.noNote")}</p>}
            <p className="muted small">{t("psychosocial.noteLogged")}</p>
          </>
        ) : (
          <p className="muted" data-testid="note-hidden">
            {t("psychosocial.noteHidden")}
          </p>
        )}
      </section>
      <p>
        <Link to={base}>{t("caseFile.back")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
