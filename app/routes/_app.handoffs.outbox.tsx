import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import * as z from "zod/mini";
import { outboxList } from "~/queries/handoffs.server";
import { deliverOutbox, requeueOutbox } from "~/services/outbox.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { useT } from "~/utils/use-i18n";
import { ColumnHeads, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("handoffs");

export const meta = pageTitle("title.outbox");

const retrySchema = z.object({ ids: z.pipe(z.string().check(z.regex(/^\d{1,12}(,\d{1,12}){0,199}$/)), z.transform((v) => v.split(",").map(Number))) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "handoff:read");
  const list = outboxList(user);
  if (!list) throw notFound();
  return list;
}

/** "Send now": the chosen packets are due at once and delivered while the page waits. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "handoff:prepare");
  const submitted = await submitForm(request, retrySchema, (input) => requeueOutbox(user, input.ids));
  if (!submitted.ok) return submitted.response;
  return data({ ok: true as const, summary: await deliverOutbox({ ids: submitted.result }) });
}

type OutboxRow = ReturnType<typeof useLoaderData<typeof loader>>["open"][number];

function OutboxTable({ rows, label, testId }: { rows: OutboxRow[]; label: string; testId: string }) {
  const t = useT();
  return (
    <TableScroll label={label} testId={testId}>
      <table>
        <ColumnHeads labels={[t("outbox.col.packet"), t("handoff.partner"), t("outbox.col.status"), t("outbox.col.attempts"), t("outbox.col.lastError"), t("outbox.col.next")]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {t(`outbox.kind.${r.kind}`)} {r.handoffId ? <Link to={`/handoffs/${r.handoffId}`}>#{r.handoffId}</Link> : null}
                <div className="muted small">
                  <Instant value={r.createdAt} withTime />
                </div>
              </td>
              <td>{r.partnerName}</td>
              <td>
                <span className={`badge ${r.status === "delivered" ? "ok" : r.status === "rejected" ? "over" : "muted"}`}>{t(`outbox.status.${r.status}`)}</span>
              </td>
              <td>{r.attempts}</td>
              <td className="small">{r.lastError ?? "–"}</td>
              <td>{r.status === "pending" ? <Instant value={r.nextAttemptAt} withTime /> : r.deliveredAt ? <Instant value={r.deliveredAt} withTime /> : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function OutboxPage() {
  const { open, delivered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const summary = actionData?.ok ? actionData.summary : null;
  return (
    <>
      <PageHeader title={t("outbox.title")} intro={t("outbox.intro")} crumbs={[{ to: "/handoffs", label: t("handoff.list.title") }]} />
      <Flash message={summary ? t("outbox.done", { delivered: summary.delivered, waiting: summary.retrying + summary.rejected }) : null} testId="outbox-message" />
      <section className="card stack">
        <h2>{t("outbox.open")}</h2>
        {open.length ? (
          <>
            <OutboxTable rows={open} label={t("outbox.open")} testId="outbox-open" />
            <Form method="post">
              <input type="hidden" name="ids" value={open.map((r) => r.id).join(",")} />
              <button type="submit" disabled={navigation.state !== "idle"}>
                {t("outbox.retry")}
              </button>
            </Form>
          </>
        ) : (
          <p className="muted">{t("outbox.empty")}</p>
        )}
      </section>
      <section className="card stack">
        <h2>{t("outbox.delivered")}</h2>
        {delivered.length ? <OutboxTable rows={delivered} label={t("outbox.delivered")} testId="outbox-delivered" /> : <p className="muted">{t("outbox.none")}</p>}
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
