import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { addBedsSchema, addRoomSchema, setBedStatusSchema } from "~/domain/beds";
import { ROOM_SEXES } from "~/domain/enums";
import { canOnPanti } from "~/domain/permissions";
import { bedBoard, pantiProfile, type BedOnBoard } from "~/queries/bed-board.server";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { addBeds, addRoom, setBedStatus } from "~/services/beds.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { formatDate, formatNumber, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { Field, FieldError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { OccupancyMeter } from "~/components/ui/occupancy";
import { Stat } from "~/components/ui/stat";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.panti.name ?? "Panti"} — Panti` },
];

const paramsSchema = z.object({ pantiId: z.coerce.number().int().positive() });
const showSchema = z.enum(["all", "free", "occupied", "out"]).catch("all");

function pantiIdFrom(params: unknown): number {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.pantiId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pantiId = pantiIdFrom(params);
  const user = await requirePermission(request, "panti:view", pantiId);
  const profile = pantiProfile(pantiId);
  if (!profile) throw notFound();
  const [row] = occupancyByPanti({ pantiId });
  const show = showSchema.parse(new URL(request.url).searchParams.get("show") ?? "all");
  return {
    panti: profile,
    occupancy: row!.occupancy,
    board: bedBoard(pantiId),
    show,
    canManage: canOnPanti(user, "bed:manage", pantiId),
    canMove: canOnPanti(user, "resident:move", pantiId),
    canReadCase: canOnPanti(user, "case:read", pantiId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const pantiId = pantiIdFrom(params);
  const user = await requirePermission(request, "bed:manage", pantiId);
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const values = formValues(formData);

  if (intent === "bed-status") {
    const parsed = parseForm(setBedStatusSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => setBedStatus(user, pantiId, parsed.data));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, intent, message: t("panti.bedStatus.done", { label: outcome.result.label }) });
  }
  if (intent === "add-room") {
    const parsed = parseForm(addRoomSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => addRoom(user, pantiId, parsed.data));
    if (!outcome.ok) return outcome.response;
    const { name, bedCount } = outcome.result;
    return data({ ok: true as const, intent, message: t("panti.addRoom.done", { name, n: bedCount }) });
  }
  if (intent === "add-beds") {
    const parsed = parseForm(addBedsSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => addBeds(user, pantiId, parsed.data));
    if (!outcome.ok) return outcome.response;
    const { roomName, bedCount } = outcome.result;
    return data({ ok: true as const, intent, message: t("panti.addBeds.done", { room: roomName, n: bedCount }) });
  }
  return badRequest({ errors: { intent: [t("error.invalid")] }, values, formError: t("error.invalid") });
}

type ActionData = {
  ok: boolean;
  intent?: string;
  message?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
  formError?: string;
};

export default function PantiPage() {
  const { panti, occupancy, board, show, canManage, canMove, canReadCase } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const moved = searchParams.get("moved");
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);

  const visible = (bed: BedOnBoard) =>
    show === "all" ||
    (show === "free" && bed.status === "available" && !bed.occupant) ||
    (show === "occupied" && bed.occupant != null) ||
    (show === "out" && bed.status === "out_of_service");

  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/panti">{t("nav.panti")}</Link> / {panti.code}
          </div>
          <h1>{panti.name}</h1>
          <p>
            {t(`pantiType.${panti.type}`)} · {panti.kota ?? t("kota.outside")}
            {panti.address ? ` · ${panti.address}` : ""}
          </p>
        </div>
        {canReadCase ? (
          <div className="no-print" style={{ display: "flex", gap: "0.5rem" }}>
            <Link className="button secondary" to={`/panti/${panti.id}/residents`}>
              {t("panti.residents")}
            </Link>
            <Link className="button secondary" to={`/panti/${panti.id}/sessions`}>
              {t("panti.sessions")}
            </Link>
          </div>
        ) : null}
      </div>

      {moved ? (
        <div className="alert success" role="status">
          {t("move.done", { bed: moved })}
        </div>
      ) : null}
      {actionData?.ok && actionData.message ? (
        <div className="alert success" role="status">
          {actionData.message}
        </div>
      ) : null}
      {actionData && !actionData.ok && actionData.formError ? (
        <div className="alert error" role="alert">
          {actionData.formError}
        </div>
      ) : null}

      <div className="stats" data-testid="panti-occupancy">
        <Stat label={t("occ.capacity")} value={n(occupancy.capacity)} testId="capacity" />
        <Stat label={t("occ.census")} value={n(occupancy.census)} testId="census" />
        <Stat label={t("occ.available")} value={n(occupancy.available)} testId="available" />
        <Stat label={t("occ.overflow")} value={n(occupancy.overflow)} testId="overflow" over={occupancy.overflow > 0} />
        <div className="stat">
          <div className="label">{t("occ.occupancy")}</div>
          <OccupancyMeter value={occupancy} />
        </div>
      </div>
      <p className="muted small">
        {t("panti.targetGroup")}: {panti.targetGroup}
        {panti.declaredCapacity != null
          ? ` · ${t("occ.declared", { n: n(panti.declaredCapacity) })}${panti.capacityEstimated ? ` (${t("common.estimated")})` : ""}`
          : ""}
        {occupancy.outOfService > 0 ? ` · ${t("occ.outOfService")}: ${n(occupancy.outOfService)}` : ""}
      </p>

      {board.withoutBed.length > 0 ? (
        <section className="card" aria-labelledby="no-bed">
          <h2 id="no-bed">
            {t("panti.noBed.title")} ({n(board.withoutBed.length)})
          </h2>
          <p className="muted small">{t("panti.noBed.intro")}</p>
          <ul>
            {board.withoutBed.map((r) => (
              <li key={r.stayId}>
                {r.name} — {t("panti.bed.since", { date: formatDate(lang, r.admittedAt) })}
                {canMove ? (
                  <>
                    {" "}
                    · <Link to={`/panti/${panti.id}/stays/${r.stayId}/move`}>{t("resident.actions")}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t("panti.bedBoard")}</h2>
      <Form method="get" className="filters no-print">
        <div className="field">
          <label htmlFor="show">{t("panti.filterBeds")}</label>
          <select id="show" name="show" defaultValue={show}>
            <option value="all">{t("panti.filterBeds.all")}</option>
            <option value="free">{t("panti.filterBeds.free")}</option>
            <option value="occupied">{t("panti.filterBeds.occupied")}</option>
            <option value="out">{t("panti.filterBeds.out")}</option>
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("common.apply")}
        </button>
      </Form>
      <div className="legend" aria-label={t("panti.legend")}>
        <span className="l-occupied">{t("panti.filterBeds.occupied")}</span>
        <span className="l-free">{t("panti.bed.free")}</span>
        <span className="l-overflow">{t("panti.bed.overflow")}</span>
        <span className="l-out">{t("panti.bed.outOfService")}</span>
      </div>

      <div className="rooms" data-testid="bed-board">
        {board.rooms.map((room) => {
          const beds = room.beds.filter(visible);
          if (beds.length === 0 && show !== "all") return null;
          const taken = room.beds.filter((b) => b.occupant).length;
          return (
            <section className="room" key={room.id} aria-labelledby={`room-${room.id}`} data-testid="room">
              <div className="room-header">
                <h3 id={`room-${room.id}`}>{room.name}</h3>
                <span className="muted small">
                  {t(`roomSex.${room.sex}`)} · {t("panti.room.beds", { n: room.beds.length })} · {taken}/
                  {room.beds.length}
                  {room.beds.length > 0 && room.beds.every((b) => b.overflow) ? ` · ${t("panti.room.overflowRoom")}` : ""}
                </span>
              </div>
              <ul className="beds">
                {beds.map((bed) => (
                  <BedCard
                    key={bed.id}
                    bed={bed}
                    canManage={canManage}
                    moveUrl={canMove && bed.occupant ? `/panti/${panti.id}/stays/${bed.occupant.stayId}/move` : null}
                    caseUrl={canReadCase && bed.occupant ? `/panti/${panti.id}/stays/${bed.occupant.stayId}` : null}
                    reasonError={
                      actionData && !actionData.ok && actionData.values?.intent === "bed-status" && actionData.values.bedId === String(bed.id)
                        ? actionData.errors?.reason
                        : undefined
                    }
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>

      {canManage ? (
        <section className="grid-2 no-print" style={{ marginTop: "1.5rem" }} aria-label={t("panti.manage")}>
          <AddRoomForm actionData={actionData} pantiSex={panti.sexServed} />
          <AddBedsForm actionData={actionData} rooms={board.rooms.map((r) => ({ id: r.id, name: r.name }))} />
        </section>
      ) : null}
    </>
  );
}

function BedCard({
  bed,
  canManage,
  moveUrl,
  caseUrl,
  reasonError,
}: {
  bed: BedOnBoard;
  canManage: boolean;
  moveUrl: string | null;
  caseUrl: string | null;
  reasonError?: string[];
}) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const state = bed.status === "out_of_service" ? "out" : bed.occupant ? "occupied" : "free";
  return (
    <li
      className={`bed ${state}${bed.overflow ? " overflow" : ""}`}
      data-testid="bed"
      data-label={bed.label}
      data-state={state}
    >
      <div className="bed-label">
        <span>{bed.label}</span>
        {bed.overflow ? <span className="badge over">{t("panti.bed.overflow")}</span> : null}
      </div>
      {bed.occupant ? (
        <div>
          <div>{caseUrl ? <Link to={caseUrl}>{bed.occupant.name}</Link> : bed.occupant.name}</div>
          <div className="muted small">{t("panti.bed.since", { date: formatDate(lang, bed.occupant.since) })}</div>
          {moveUrl ? (
            <Link className="small no-print" to={moveUrl}>
              {t("resident.actions")}
            </Link>
          ) : null}
        </div>
      ) : bed.status === "out_of_service" ? (
        <div>
          <div>{t("panti.bed.outOfService")}</div>
          {bed.statusReason ? <div className="small">{bed.statusReason}</div> : null}
        </div>
      ) : (
        <div className="muted">{t("panti.bed.free")}</div>
      )}
      {canManage && !bed.occupant ? (
        bed.status === "available" ? (
          <details open={reasonError ? true : undefined}>
            <summary>{t("panti.bed.takeOut")}</summary>
            <Form method="post" className="stack" style={{ marginTop: "0.35rem" }}>
              <input type="hidden" name="intent" value="bed-status" />
              <input type="hidden" name="bedId" value={bed.id} />
              <input type="hidden" name="status" value="out_of_service" />
              <input type="hidden" name="expectedStatus" value="available" />
              <label className="small" htmlFor={`reason-${bed.id}`}>
                {t("panti.bed.reason")}
              </label>
              <input
                id={`reason-${bed.id}`}
                name="reason"
                type="text"
                required
                minLength={3}
                maxLength={200}
                aria-invalid={reasonError ? true : undefined}
              />
              <FieldError messages={reasonError} />
              <button type="submit" className="small danger" disabled={busy}>
                {t("panti.bed.takeOut")}
              </button>
            </Form>
          </details>
        ) : (
          <Form method="post" style={{ marginTop: "0.35rem" }}>
            <input type="hidden" name="intent" value="bed-status" />
            <input type="hidden" name="bedId" value={bed.id} />
            <input type="hidden" name="status" value="available" />
            <input type="hidden" name="expectedStatus" value="out_of_service" />
            <button type="submit" className="small secondary" disabled={busy}>
              {t("panti.bed.putBack")}
            </button>
          </Form>
        )
      ) : null}
    </li>
  );
}

function AddRoomForm({ actionData, pantiSex }: { actionData?: ActionData; pantiSex: "male" | "female" | "any" }) {
  const t = useT();
  const server = actionData?.intent === undefined && actionData?.values?.intent === "add-room" ? actionData : null;
  const sexes = ROOM_SEXES.filter((s) => pantiSex === "any" || s === pantiSex);
  const { register, checkbox, errorFor, onSubmit } = useZodForm(addRoomSchema, {
    defaultValues: { intent: "add-room", name: "", sex: sexes[0] ?? "mixed", bedCount: "10", labelPrefix: "", overflow: false },
    server,
  });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="add-room">
      <h2 id="add-room">{t("panti.addRoom.title")}</h2>
      {server?.formError ? <div className="alert error">{server.formError}</div> : null}
      <input type="hidden" {...register("intent")} />
      <Field id="room-name" label={t("panti.addRoom.name")} error={errorFor("name")}>
        <input id="room-name" type="text" {...register("name")} aria-invalid={errorFor("name") ? true : undefined} />
      </Field>
      <Field id="room-sex" label={t("panti.addRoom.sex")} error={errorFor("sex")}>
        <select id="room-sex" {...register("sex")}>
          {sexes.map((s) => (
            <option key={s} value={s}>
              {t(`roomSex.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="room-beds" label={t("panti.addRoom.bedCount")} error={errorFor("bedCount")}>
        <input
          id="room-beds"
          type="number"
          min={1}
          max={200}
          {...register("bedCount")}
          aria-invalid={errorFor("bedCount") ? true : undefined}
        />
      </Field>
      <Field id="room-prefix" label={t("panti.addRoom.labelPrefix")} error={errorFor("labelPrefix")}>
        <input id="room-prefix" type="text" maxLength={6} {...register("labelPrefix")} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...checkbox("overflow")} />
        {t("panti.addRoom.overflow")}
      </label>
      <div>
        <button type="submit">{t("panti.addRoom.submit")}</button>
      </div>
    </Form>
  );
}

function AddBedsForm({ actionData, rooms }: { actionData?: ActionData; rooms: { id: number; name: string }[] }) {
  const t = useT();
  const server = actionData?.intent === undefined && actionData?.values?.intent === "add-beds" ? actionData : null;
  const { register, checkbox, errorFor, onSubmit } = useZodForm(addBedsSchema, {
    defaultValues: { intent: "add-beds", roomId: String(rooms[0]?.id ?? ""), bedCount: "1", overflow: false },
    server,
  });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="add-beds">
      <h2 id="add-beds">{t("panti.addBeds.title")}</h2>
      {server?.formError ? <div className="alert error">{server.formError}</div> : null}
      <input type="hidden" {...register("intent")} />
      <Field id="beds-room" label={t("panti.addBeds.room")} error={errorFor("roomId")}>
        <select id="beds-room" {...register("roomId")}>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="beds-count" label={t("panti.addRoom.bedCount")} error={errorFor("bedCount")}>
        <input
          id="beds-count"
          type="number"
          min={1}
          max={200}
          {...register("bedCount")}
          aria-invalid={errorFor("bedCount") ? true : undefined}
        />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...checkbox("overflow")} />
        {t("panti.addRoom.overflow")}
      </label>
      <FieldError messages={errorFor("intent")} />
      <div>
        <button type="submit">{t("panti.addBeds.submit")}</button>
      </div>
    </Form>
  );
}
