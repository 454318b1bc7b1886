import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_RESULTS, followUpListFilterSchema, followUpSchema } from "~/domain/exits";
import { scopeFor } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { jakartaDateTimeInput } from "~/domain/time";
import { followUpList } from "~/queries/exits.server";
import { recordFollowUp } from "~/services/exits.server";
import { requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { formatNumber, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { CalendarDate, Instant } from "~/components/ui/dates";
import { DownloadLinks } from "~/components/ui/download-links";
import { FilterBar } from "~/components/ui/filter-bar";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { CountedPager, useCountLabel } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "exports", "handoffs");

export const meta = pageTitle("title.follow_ups");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "followup:record");
  const filter = followUpListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = followUpList(user, new Date(), filter.upcoming === "1", filter.page);
  return { ...list, scoped: scopeFor(user, "followup:record").kind !== "all", now: jakartaDateTimeInput(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "followup:record");
  const submitted = await submitForm(request, followUpSchema, (input) => recordFollowUp(user, input));
  if (!submitted.ok) return submitted.response;
  const message = translator(submitted.lang)("followUps.done");
  return data({ ok: true as const, message, followUpId: submitted.input.followUpId });
}

const ROW_FIELDS = ["intent", "followUpId", "contactedAt", "channel", "result", "notes"] as const;
/** The two choices of a contact: how it was made and how the person is doing. */
const CHOICES = [
  { name: "channel", options: FOLLOW_UP_CHANNELS },
  { name: "result", options: FOLLOW_UP_RESULTS },
] as const;

export default function FollowUpsPage() {
  const { rows, total, totalExact, page, pageCount, scoped, now } = useLoaderData<typeof loader>();
  const countLabel = useCountLabel();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <>
      <PageHeader title={t("followUps.title")} intro={t("followUps.intro")}>
        <DownloadLinks dataset="follow-ups" named />
      </PageHeader>
      <FilterBar>
        <label className="checkbox">
          <input type="checkbox" name="upcoming" value="1" defaultChecked={params.get("upcoming") === "1"} />
          {t("followUps.showUpcoming")}
        </label>
      </FilterBar>
      <Flash message={actionData?.ok ? actionData.message : null} />
      <FormError message={failed?.formError} />
      <p className="muted small" data-testid="follow-ups-total">
        {t("common.showing", { shown: formatNumber(lang, rows.length), total: countLabel(total, totalExact) })}
      </p>
      <TableScroll label={t("followUps.title")}>
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
            <EmptyRow when={rows.length === 0} colSpan={5}>
              {t("followUps.empty")}
            </EmptyRow>
            {rows.map((r) => (
              <tr key={r.id} className={r.state === "overdue" ? "over-capacity" : undefined}>
                <td>
                  <CalendarDate value={r.dueDate} />
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
                  {referenceLabel(EXIT_OUTCOMES, r.exitOutcome, lang)} · <Instant value={r.exitedAt} />
                  <div className="muted">{r.exitDestination}</div>
                </td>
                <td>
                  <FollowUpForm
                    followUpId={r.id}
                    now={now}
                    server={failed?.values.followUpId === String(r.id) ? failed : null}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <CountedPager page={page} pageCount={pageCount} total={total} totalExact={totalExact} />
    </>
  );
}

/** The contact of one follow-up, recorded from its row. */
function FollowUpForm({ followUpId, now, server }: { followUpId: number; now: string; server: FormFailure | null }) {
  const t = useT();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useZodForm(followUpSchema, {
    defaultValues: {
      intent: "follow-up",
      followUpId: String(followUpId),
      contactedAt: now,
      channel: FOLLOW_UP_CHANNELS[0],
      result: FOLLOW_UP_RESULTS[0],
      notes: "",
    },
    server,
  });
  const errors = ROW_FIELDS.flatMap((name) => errorFor(name) ?? []);
  return (
    <Form method="post" className="stack small" onSubmit={onSubmit} noValidate>
      <input type="hidden" {...register("intent")} />
      <input type="hidden" {...register("followUpId")} />
      <input type="datetime-local" {...register("contactedAt")} max={now} aria-label={t("followUps.contactedAt")} />
      {CHOICES.map(({ name, options }) => (
        <select key={name} {...register(name)} aria-label={t(`followUps.${name}`)}>
          {options.map((c) => (
            <option key={c} value={c}>
              {t.dynamic(`followUp.${name}.${c}`)}
            </option>
          ))}
        </select>
      ))}
      <input type="text" {...register("notes")} placeholder={t("exit.notes")} aria-label={t("exit.notes")} />
      <FieldError messages={errors} />
      <button type="submit" className="small" disabled={navigation.state !== "idle"}>
        {t("followUps.record")}
      </button>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
