import { Form } from "@remix-run/react";
import { addBedsSchema, addRoomSchema } from "~/domain/beds";
import { ROOM_SEXES } from "~/domain/enums";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";

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
