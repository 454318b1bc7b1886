import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_RESULTS, followUpSchema } from "~/domain/exits";
import { pantiScope } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { jakartaDateTimeInput } from "~/domain/time";
import { followUpList } from "~/queries/exits.server";
import { recordFollowUp } from "~/services/exits.server";
import { getLang, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { formatDate, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import { DownloadLinks } from "~/components/ui/download-links";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction = () => [{ title: "Bimbingan lanjut — Panti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "followup:record");
  const upcoming = new URL(request.url).searchParams.get("upcoming") === "1";
  const scope = pantiScope(user, "followup:record");
  return { rows: followUpList(scope, new Date(), upcoming), scoped: scope != null, now: jakartaDateTimeInput(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "followup:record");
  const lang = await getLang(request);
  const formData = await readForm(request);
  const parsed = parseForm(followUpSchema, formData, lang);
  if (!parsed.ok) return badRequest(parsed);
  const outcome = runService(lang, formValues(formData), () => recordFollowUp(user, parsed.data));
  if (!outcome.ok) return outcome.response;
  return data({ ok: true as const, message: translator(lang)("followUps.done"), followUpId: parsed.data.followUpId });
}

type ActionData = { ok: boolean; message?: string; errors?: Record<string, string[]>; values?: Record<string, string>; formError?: string };

export default function FollowUpsPage() {
  const { rows, scoped, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("followUps.title")}</h1>
          <p>{t("followUps.intro")}</p>
          <DownloadLinks dataset="follow-ups" />
        </div>
        <Form method="get">
          <label className="checkbox">
            <input type="checkbox" name="upcoming" value="1" defaultChecked={params.get("upcoming") === "1"} />
            {t("followUps.showUpcoming")}
          </label>{" "}
          <button type="submit" className="secondary small">
            {t("common.apply")}
          </button>
        </Form>
      </div>
      {actionData?.ok ? (
        <div className="alert success" role="status">
          {actionData.message}
        </div>
      ) : null}
      {failed?.formError ? <div className="alert error">{failed.formError}</div> : null}
      <div className="table-wrap">
        <table data-testid="follow-ups">
          <thead>
            <tr>
              <th scope="col">{t("followUps.due")}</th>
              <th scope="col">{t("exit.resident")}</th>
              {!scoped ? <th scope="col">{t("panti.col.name")}</th> : null}
              <th scope="col">{t("followUps.exit")}</th>
              <th scope="col">{t("followUps.record")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t("followUps.empty")}
                </td>
              </tr>
            ) : null}
            {rows.map((r) => {
              const mine = failed?.values?.followUpId === String(r.id);
              return (
                <tr key={r.id} className={r.state === "overdue" ? "over-capacity" : undefined}>
                  <td>
                    {formatDate(lang, `${r.dueDate}T00:00:00+07:00`)}
                    <div>
                      <span className={`badge ${r.state === "overdue" ? "over" : r.state === "due" ? "full" : "muted"}`}>
                        {t(`followUp.state.${r.state}`)}
                      </span>{" "}
                      <span className="muted small">{t("followUps.sequence", { n: r.sequence })}</span>
                    </div>
                  </td>
                  <td>
                    <Link to={`/panti/${r.pantiId}/stays/${r.stayId}/exit`}>{r.displayName}</Link>
                  </td>
                  {!scoped ? <td>{r.pantiName}</td> : null}
                  <td className="small">
                    {referenceLabel(EXIT_OUTCOMES, r.exitOutcome, lang)} · {formatDate(lang, r.exitedAt)}
                    <div className="muted">{r.exitDestination}</div>
                  </td>
                  <td>
                    <Form method="post" className="stack small">
                      <input type="hidden" name="intent" value="follow-up" />
                      <input type="hidden" name="followUpId" value={r.id} />
                      <input type="datetime-local" name="contactedAt" defaultValue={now} max={now} aria-label={t("followUps.contactedAt")} />
                      <select name="channel" aria-label={t("followUps.channel")}>
                        {FOLLOW_UP_CHANNELS.map((c) => (
                          <option key={c} value={c}>
                            {t(`followUp.channel.${c}`)}
                          </option>
                        ))}
                      </select>
                      <select name="result" aria-label={t("followUps.result")}>
                        {FOLLOW_UP_RESULTS.map((c) => (
                          <option key={c} value={c}>
                            {t(`followUp.result.${c}`)}
                          </option>
                        ))}
                      </select>
                      <input type="text" name="notes" placeholder={t("exit.notes")} aria-label={t("exit.notes")} />
                      {mine ? <FieldError messages={Object.values(failed?.errors ?? {}).flat()} /> : null}
                      <button type="submit" className="small" disabled={navigation.state !== "idle"}>
                        {t("followUps.record")}
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
