import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CLASS_STATUSES } from "~/domain/enums";
import { grantFor, hasPermission } from "~/domain/permissions";
import { classListFilterSchema, TEACHING_SCOPED_ROLES } from "~/domain/programmes";
import { listClasses } from "~/queries/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

export const meta: MetaFunction = () => [{ title: "Kelas pelatihan — Panti" }];

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "class:read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = { ...classListFilterSchema.parse(params), ...pageSchema.parse(params) };
  const list = listClasses(user, filter);
  return {
    ...list,
    filter,
    scope: grantFor(user.role, "class:read") === "any" ? "all" : TEACHING_SCOPED_ROLES.includes(user.role) ? "instructor" : "panti",
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
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (filter.panti) params.set("panti", String(filter.panti));
    if (filter.phase) params.set("phase", filter.phase);
    params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("classes.title")}</h1>
          <p>{t(`classes.intro.${data.scope}`)}</p>
        </div>
        <div className="button-row">
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
        </div>
      </div>

      {data.scope !== "instructor" ? (
        <Form method="get" className="filters card">
          {data.scope === "all" ? (
            <div className="field">
              <label htmlFor="f-panti">{t("classes.filter.panti")}</label>
              <select id="f-panti" name="panti" defaultValue={filter.panti ?? ""}>
                <option value="">{t("common.all")}</option>
                {data.pantiOptions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="f-phase">{t("classes.filter.phase")}</label>
            <select id="f-phase" name="phase" defaultValue={filter.phase ?? ""}>
              <option value="">{t("common.all")}</option>
              {CLASS_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`phase.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("common.apply")}</button>
        </Form>
      ) : null}

      {data.rows.length === 0 ? <p className="card muted">{t("classes.empty")}</p> : null}
      <ul className="class-cards" data-testid="class-list">
        {data.rows.map((c) => (
          <li key={c.id} className="card class-card" data-testid="class-card" data-id={c.id}>
            <div className="class-card-head">
              <h2>
                <Link to={`/classes/${c.id}`}>{c.name}</Link>
              </h2>
              <span className={`badge ${c.phase === "active" ? "ok" : c.phase === "planned" ? "info" : "muted"}`}>{t(`phase.${c.phase}`)}</span>
            </div>
            <p className="muted small">
              {lang === "en" ? c.programmeNameEn : c.programmeNameId}
              {data.scope === "all" ? ` · ${c.pantiName}` : ""}
            </p>
            <p className="small">
              {c.scheduleDays.map((d) => t(`day.short.${d}`)).join(", ")} · {c.startTime}–{c.endTime}
              <br />
              {formatDate(lang, c.startDate)} – {formatDate(lang, c.endDate)}
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
      {pages > 1 ? (
        <nav className="pager" aria-label={t("classes.pages")}>
          {data.page > 1 ? <Link to={query(data.page - 1)}>{t("common.previous")}</Link> : null}
          <span className="muted small">
            {data.page} / {pages}
          </span>
          {data.page < pages ? <Link to={query(data.page + 1)}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
