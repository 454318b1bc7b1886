import { Link } from "@remix-run/react";
import { incidentTypeForExit, type IncidentSeverity, type IncidentType } from "~/domain/safeguarding";
import { useT } from "~/utils/use-i18n";
import { Field } from "~/components/forms/field";
import { formatDateTime } from "~/utils/i18n";
import { useLang } from "~/utils/use-i18n";

export interface ExitIncidentChoice {
  id: number;
  type: IncidentType;
  severity: IncidentSeverity;
  occurredAt: Date | string;
}

/**
 * The exit form's link to an incident: for an exit as absconded or deceased, the stay's incidents
 * of that type to choose from, or a note (with a link) that one should be recorded first.
 */
export function ExitIncidentField({
  outcome,
  incidents,
  recordHref,
  field,
  error,
  showAlways,
}: {
  outcome: string;
  incidents: readonly ExitIncidentChoice[];
  recordHref: string;
  field: Record<string, unknown>;
  error?: string[];
  /** Without JavaScript the section always shows (it says when it applies). */
  showAlways: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const type = incidentTypeForExit(outcome);
  if (!type && !showAlways) return null;
  const choices = type ? incidents.filter((i) => i.type === type) : incidents.filter((i) => i.type === "absconding" || i.type === "death");
  return (
    <fieldset className="card stack" data-section="incident" data-testid="exit-incident">
      <legend className="label">
        <strong>{t("exit.incident")}</strong>
      </legend>
      <p className="muted small">{t("exit.incident.hint")}</p>
      {choices.length === 0 ? (
        <div className="alert info" role="status">
          {t("exit.incident.none")} <Link to={recordHref}>{t("incident.record")}</Link>
        </div>
      ) : (
        <Field id="incidentId" label={t("exit.incident")} error={error}>
          <select id="incidentId" {...field}>
            <option value="">{t("exit.incident.choose")}</option>
            {choices.map((i) => (
              <option key={i.id} value={i.id}>
                {formatDateTime(lang, new Date(i.occurredAt))} · {t(`incidentType.${i.type}`)} ({t(`severity.${i.severity}`)})
              </option>
            ))}
          </select>
        </Field>
      )}
    </fieldset>
  );
}
