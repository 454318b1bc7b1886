import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { enrolSchema } from "~/domain/programmes";
import { formatDate, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";

/** An open stay of the class's panti that can be enrolled (the class page's loader). */
export interface EnrolCandidate {
  stayId: number;
  name: string;
  description: string | null;
  admittedAt: string | Date;
}

export interface EnrolFormProps {
  /** Who can be enrolled (those the search finds), or null while the page does not list them (`enrolListShown`). */
  candidates: EnrolCandidate[] | null;
  /** How many can be enrolled (the length of `candidates` when they are listed). */
  candidateCount: number;
  /** The search the server filtered the candidates by (`?q=`). */
  candidateQuery: string;
  seats: { taken: number; capacity: number };
  failed: FormFailure | null;
}

/**
 * The class page's enrolment form: a search over the open stays, then a checkbox per stay; while
 * the page does not list them (`candidates` null), how many there are and a link to the list
 * (`?enrol=1`). The page loads it when it comes into view (./lazy-enrol-form.tsx), with zod and
 * react-hook-form.
 */
export function EnrolForm({ candidates, candidateCount, candidateQuery, seats, failed }: EnrolFormProps) {
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const { register, checkbox, errorFor, onSubmit } = useZodForm(enrolSchema, { defaultValues: { intent: "enrol", stayIds: "" }, server: failed });
  // With JavaScript the list narrows as the user types; without it the search form asks the server.
  const [query, setQuery] = useState(candidateQuery);
  const needle = query.trim().toLowerCase();
  const listed = new Set(candidates?.map((c) => String(c.stayId)));
  // Errors for residents no longer in the list (they left meanwhile, or belong elsewhere).
  const others = Object.entries(failed?.errors ?? {}).filter(([key]) => key.startsWith("stay.") && !listed.has(key.slice(5)));
  const left = seats.capacity - seats.taken;
  const matches = (c: EnrolCandidate) => !needle || `${c.name} ${c.description ?? ""}`.toLowerCase().includes(needle);
  const shown = candidates?.filter(matches) ?? [];
  return (
    <>
      <h2>{t("class.enrol.title")}</h2>
      <p className="muted small">
        {t("class.enrol.intro")} {t("class.enrol.seatsLeft", { n: Math.max(0, left) })}
      </p>
      <Form method="get" className="list-search" role="search" aria-label={t("class.enrol.search")} preventScrollReset>
        <Field id="enrol-q" label={t("class.enrol.search")}>
          <input id="enrol-q" name="q" type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} placeholder={t("residents.search")} />
        </Field>
        <div>
          <button type="submit" className="secondary">
            {t("common.search")}
          </button>
        </div>
      </Form>
      {candidateCount === 0 ? (
        <p className="muted">{candidateQuery ? t("class.enrol.noMatch") : t("class.enrol.none")}</p>
      ) : candidates == null ? (
        <p data-testid="enrol-available">
          {t("class.enrol.available", { n: candidateCount })}{" "}
          <Link to="?enrol=1#class-enrol">{t("class.enrol.showList")}</Link>
        </p>
      ) : (
        <Form method="post" className="stack" aria-label={t("class.enrol.title")} onSubmit={onSubmit} noValidate>
          <input type="hidden" {...register("intent")} />
          <FieldError messages={errorFor("stayIds")} />
          {others.map(([key, messages]) => (
            <FieldError key={key} messages={messages.map((m) => t("class.enrol.other", { id: key.slice(5), message: m }))} />
          ))}
          <p className="muted small" aria-live="polite">
            {t("common.showing", { shown: formatNumber(lang, shown.length), total: formatNumber(lang, candidates.length) })}
          </p>
          <ul className="candidate-list">
            {candidates.map((c) => {
              const error = failed?.errors?.[`stay.${c.stayId}`];
              // Hidden, not removed: a resident ticked before the search narrowed stays ticked.
              const hidden = !matches(c);
              return (
                <li key={c.stayId} hidden={hidden}>
                  <label className="checkbox">
                    <input type="checkbox" {...checkbox("stayIds", String(c.stayId))} aria-invalid={error ? true : undefined} />
                    <span>
                      {c.name} <span className="muted small">{t("class.enrol.admitted", { date: formatDate(lang, c.admittedAt) })}</span>
                      {c.description ? <span className="muted small description-snippet">{c.description}</span> : null}
                    </span>
                  </label>
                  <FieldError messages={error} />
                </li>
              );
            })}
          </ul>
          <div>
            <button type="submit" disabled={busy}>
              {t("class.enrol.submit")}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
