import { Form } from "@remix-run/react";
import { addBedsSchema, addRoomSchema, MAX_BEDS_PER_ACTION } from "~/domain/beds";
import { ROOM_SEXES } from "~/domain/enums";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";

type Registration = ReturnType<ReturnType<typeof useZodForm>["register"]>;

/** How many beds to add: both forms ask it. */
function BedCountField({ id, field, error }: { id: string; field: Registration; error?: string[] }) {
  const t = useT();
  return (
    <Field id={id} label={t("panti.addRoom.bedCount")} error={error}>
      <input id={id} type="number" min={1} max={MAX_BEDS_PER_ACTION} {...field} aria-invalid={error ? true : undefined} />
    </Field>
  );
}

/** Whether the new beds are extra places, beyond the panti's capacity. */
function OverflowCheckbox({ field }: { field: ReturnType<ReturnType<typeof useZodForm>["checkbox"]> }) {
  const t = useT();
  return (
    <label className="checkbox">
      <input type="checkbox" {...field} />
      {t("panti.addRoom.overflow")}
    </label>
  );
}

/** A new room with its beds. */
export function AddRoomForm({ server, pantiSex }: { server: FormFailure | null; pantiSex: "male" | "female" | "any" }) {
  const t = useT();
  const sexes = ROOM_SEXES.filter((s) => pantiSex === "any" || s === pantiSex);
  const { register, checkbox, errorFor, onSubmit } = useZodForm(addRoomSchema, {
    defaultValues: { intent: "add-room", name: "", sex: sexes[0] ?? "mixed", bedCount: "10", labelPrefix: "", overflow: false },
    server,
  });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="add-room">
      <h2 id="add-room">{t("panti.addRoom.title")}</h2>
      <FormError message={server?.formError} />
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
      <BedCountField id="room-beds" field={register("bedCount")} error={errorFor("bedCount")} />
      <Field id="room-prefix" label={t("panti.addRoom.labelPrefix")} error={errorFor("labelPrefix")}>
        <input id="room-prefix" type="text" maxLength={6} {...register("labelPrefix")} />
      </Field>
      <OverflowCheckbox field={checkbox("overflow")} />
      <div>
        <button type="submit">{t("panti.addRoom.submit")}</button>
      </div>
    </Form>
  );
}

/** More beds in a room. */
export function AddBedsForm({ server, rooms }: { server: FormFailure | null; rooms: { id: number; name: string }[] }) {
  const t = useT();
  const { register, checkbox, errorFor, onSubmit } = useZodForm(addBedsSchema, {
    defaultValues: { intent: "add-beds", roomId: String(rooms[0]?.id ?? ""), bedCount: "1", overflow: false },
    server,
  });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="add-beds">
      <h2 id="add-beds">{t("panti.addBeds.title")}</h2>
      <FormError message={server?.formError} />
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
      <BedCountField id="beds-count" field={register("bedCount")} error={errorFor("bedCount")} />
      <OverflowCheckbox field={checkbox("overflow")} />
      <FieldError messages={errorFor("intent")} />
      <div>
        <button type="submit">{t("panti.addBeds.submit")}</button>
      </div>
    </Form>
  );
}

/** The management forms of the page: a new room, more beds in a room. */
export function ManageForms({
  addRoomFailure,
  addBedsFailure,
  pantiSex,
  rooms,
}: {
  addRoomFailure: FormFailure | null;
  addBedsFailure: FormFailure | null;
  pantiSex: "male" | "female" | "any";
  rooms: { id: number; name: string }[];
}) {
  return (
    <>
      <AddRoomForm server={addRoomFailure} pantiSex={pantiSex} />
      <AddBedsForm server={addBedsFailure} rooms={rooms} />
    </>
  );
}
