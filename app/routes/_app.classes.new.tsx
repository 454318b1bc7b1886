import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import * as z from "zod/mini";
import { addDays, classSchema } from "~/domain/programmes";
import { jakartaDate } from "~/domain/time";
import { classFormOptions } from "~/queries/programmes.server";
import { createClass } from "~/services/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { useLang, useT } from "~/utils/use-i18n";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("placements", "programmes");

export const meta = pageTitle("title.new_class");

const querySchema = z.object({ panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "class:manage");
  const { panti } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const today = jakartaDate(new Date());
  return { ...classFormOptions(user, panti ?? null), today, defaultEnd: addDays(today, 7 * 24) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "class:manage");
  const submitted = await submitForm(request, classSchema, (input) => createClass(user, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/classes/${submitted.result.id}?created=1`);
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export default function NewClassPage() {
  const options = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("class.new.title")} crumbs={[{ to: "/classes", label: t("nav.classes") }]} intro={t("class.new.intro")} />
      {options.choosePanti ? (
        <FilterBar label={t("class.choosePanti")} submitLabel={t("class.choosePanti.submit")} submitClassName="secondary">
          <FilterSelect
            id="choose-panti"
            name="panti"
            label={t("class.choosePanti")}
            allLabel={t("placements.choose")}
            value={options.pantiId}
            options={options.pantiOptions.map((p) => ({ value: p.id, label: p.name }))}
          />
        </FilterBar>
      ) : null}
      {options.pantiId != null ? <ClassForm key={options.pantiId} /> : null}
    </>
  );
}

function ClassForm() {
  const options = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : null;
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const server = failed?.values;
  const listOf = (name: string, fallback: string[]) => (server ? (server[name] ?? "").split(",").filter(Boolean) : fallback);
  const initial = {
    programmeCode: server?.programmeCode ?? options.programmeOptions[0]?.code ?? "",
    name: server?.name ?? "",
    startTime: server?.startTime ?? "08:00",
    endTime: server?.endTime ?? "11:00",
    startDate: server?.startDate ?? options.today,
    endDate: server?.endDate ?? options.defaultEnd,
    capacity: server?.capacity ?? "20",
    attendanceThreshold: server?.attendanceThreshold ?? "75",
  };
  const days = listOf("scheduleDays", ["1", "3", "5"]);
  const instructorIds = listOf("instructorIds", options.instructors.length === 1 ? [String(options.instructors[0]!.id)] : []);
  const { register, errorFor, onSubmit } = useZodForm(classSchema, {
    defaultValues: { ...initial, scheduleDays: days, instructorIds } as unknown as Record<string, string>,
    server: failed ? { errors: failed.errors, formError: failed.formError } : null,
  });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);

  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("class.new.title")}>
      <FormError message={failed?.formError} />
      <section className="card stack">
        {options.choosePanti ? (
          <>
            <input type="hidden" name="pantiId" value={options.pantiId ?? ""} />
            <p>
              <strong>{t("class.panti")}:</strong> {options.pantiName}
            </p>
            <FieldError messages={errorFor("pantiId")} />
          </>
        ) : null}
        <div className="grid-2">
          <Field id="programmeCode" label={t("class.programme")} error={errorFor("programmeCode")}>
            <select id="programmeCode" {...register("programmeCode")} defaultValue={initial.programmeCode} aria-invalid={invalid("programmeCode")}>
              {options.programmeOptions.map((p) => (
                <option key={p.code} value={p.code}>
                  {lang === "en" ? p.nameEn : p.nameId} ({t("class.programme.modules", { n: p.modules })})
                </option>
              ))}
            </select>
          </Field>
          <Field id="name" label={t("class.name")} hint={t("class.name.hint")} error={errorFor("name")}>
            <input id="name" type="text" {...register("name")} defaultValue={initial.name} aria-invalid={invalid("name")} />
          </Field>
        </div>
        <fieldset className="field plain-fieldset">
          <legend className="label">{t("class.instructors")}</legend>
          {options.instructors.length === 0 ? <p className="muted small">{t("class.instructors.none")}</p> : null}
          <div className="check-grid">
            {options.instructors.map((u) => (
              <label key={u.id} className="checkbox">
                <input type="checkbox" value={String(u.id)} defaultChecked={instructorIds.includes(String(u.id))} {...register("instructorIds")} />
                {u.name} <span className="muted small">({u.username})</span>
              </label>
            ))}
          </div>
          <FieldError messages={errorFor("instructorIds")} />
        </fieldset>
      </section>
      <section className="card stack">
        <fieldset className="field plain-fieldset">
          <legend className="label">{t("class.scheduleDays")}</legend>
          <div className="check-grid days">
            {DAYS.map((d) => (
              <label key={d} className="checkbox">
                <input type="checkbox" value={String(d)} defaultChecked={days.includes(String(d))} {...register("scheduleDays")} />
                {t(`day.long.${d}`)}
              </label>
            ))}
          </div>
          <FieldError messages={errorFor("scheduleDays")} />
        </fieldset>
        <div className="grid-2">
          <Field id="startTime" label={t("class.startTime")} error={errorFor("startTime")}>
            <input id="startTime" type="time" {...register("startTime")} defaultValue={initial.startTime} aria-invalid={invalid("startTime")} />
          </Field>
          <Field id="endTime" label={t("class.endTime")} error={errorFor("endTime")}>
            <input id="endTime" type="time" {...register("endTime")} defaultValue={initial.endTime} aria-invalid={invalid("endTime")} />
          </Field>
          <Field id="startDate" label={t("class.startDate")} error={errorFor("startDate")}>
            <input id="startDate" type="date" {...register("startDate")} defaultValue={initial.startDate} aria-invalid={invalid("startDate")} />
          </Field>
          <Field id="endDate" label={t("class.endDate")} error={errorFor("endDate")}>
            <input id="endDate" type="date" {...register("endDate")} defaultValue={initial.endDate} aria-invalid={invalid("endDate")} />
          </Field>
          <Field id="capacity" label={t("class.capacity")} error={errorFor("capacity")}>
            <input id="capacity" type="number" min={1} max={500} inputMode="numeric" {...register("capacity")} defaultValue={initial.capacity} aria-invalid={invalid("capacity")} />
          </Field>
          <Field id="attendanceThreshold" label={t("class.threshold")} hint={t("class.threshold.hint")} error={errorFor("attendanceThreshold")}>
            <input
              id="attendanceThreshold"
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
              {...register("attendanceThreshold")}
              defaultValue={initial.attendanceThreshold}
              aria-invalid={invalid("attendanceThreshold")}
            />
          </Field>
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {t("class.submit")}
          </button>
        </div>
      </section>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
