import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { CLASS_STATUSES } from "~/domain/enums";
import { hasPermission, scopeFor } from "~/domain/permissions";
import { classListFilterSchema } from "~/domain/programmes";
import { listClasses } from "~/queries/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { useLang, useT } from "~/utils/use-i18n";
import { CalendarDate } from "~/components/ui/dates";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { PhaseBadge } from "~/components/programmes/class-badges";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("programmes");

export const meta = pageTitle("title.training_classes");

const pageSchema = z.object({ page: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))), undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "class:read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = { ...classListFilterSchema.parse(params), ...pageSchema.parse(params) };
  const list = listClasses(user, filter);
  return {
    ...list,
    filter,
    // Readers of one panti who may not manage its classes are its instructors: they see the classes they teach.
    scope: scopeFor(user, "class:read").kind === "all" ? "all" : hasPermission(user, "class:manage") ? "panti" : "instructor",
    canCreate: hasPermission(user, "class:manage"),
    canTeach: hasPermission(user, "class:teach"),
    canCatalogue: hasPermission(user, "programme:manage"),
  };
}

export default function ClassesPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { filter } = data;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <PageHeader
        title={t("classes.title")}
        intro={t.dynamic(`classes.intro.${data.scope}`)}
        actions={
          <>
            {data.canCreate ? (
              <Link className="button" to="/classes/new">
                {t("classes.new")}
              </Link>
            ) : null}
            {data.canCatalogue ? (
              <Link className="button secondary" to="/programmes">
                {t("nav.programmes")}
              </Link>
            ) : null}
          </>
        }
      />

      {data.scope !== "instructor" ? (
        <FilterBar>
          {data.scope === "all" ? (
            <FilterSelect
              id="f-panti"
              name="panti"
              label={t("classes.filter.panti")}
              value={filter.panti}
              options={data.pantiOptions.map((p) => ({ value: p.id, label: p.name }))}
            />
          ) : null}
          <FilterSelect
            id="f-phase"
            name="phase"
            label={t("classes.filter.phase")}
            value={filter.phase}
            options={CLASS_STATUSES.map((s) => ({ value: s, label: t(`phase.${s}`) }))}
          />
        </FilterBar>
      ) : null}

      {data.rows.length === 0 ? <p className="card muted">{t("classes.empty")}</p> : null}
      <ul className="class-cards" data-testid="class-list">
        {data.rows.map((c) => (
          <li key={c.id} className="card class-card" data-testid="class-card" data-id={c.id}>
            <div className="class-card-head">
              <h2>
                <Link to={`/classes/${c.id}`}>{c.name}</Link>
              </h2>
              <PhaseBadge phase={c.phase} />
            </div>
            <p className="muted small">
              {lang === "en" ? c.programmeNameEn : c.programmeNameId}
              {data.scope === "all" ? ` · ${c.pantiName}` : ""}
            </p>
            <p className="small">
              {c.scheduleDays.map((d) => t.dynamic(`day.short.${d}`)).join(", ")} · {c.startTime}–{c.endTime}
              <br />
              <CalendarDate value={c.startDate} /> – <CalendarDate value={c.endDate} />
              <br />
              {t("classes.seats", { taken: c.seats, capacity: c.capacity })}
              {c.instructors.length ? ` · ${c.instructors.map((i) => i.name).join(", ")}` : ""}
            </p>
            {data.canTeach && c.meetsToday ? (
              c.sessionToday ? (
                <Link className="button secondary big" to={`/classes/${c.id}/attendance?date=${data.today}`}>
                  ✓ {t("classes.todayRecorded")}
                </Link>
              ) : (
                <Link className="button big" to={`/classes/${c.id}/attendance?date=${data.today}`}>
                  {t("classes.markToday")}
                </Link>
              )
            ) : null}
          </li>
        ))}
      </ul>
      <Pager page={data.page} pages={pages} label={t("classes.pages")} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
