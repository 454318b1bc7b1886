import type { ComponentProps } from "react";
import { useT } from "~/utils/use-i18n";
import { lazyWhenSeen } from "~/components/ui/lazy-when-seen";
import type { ManageForms as Forms } from "./manage-forms";
import * as rendered from "./manage-forms-rendered.server";

const FORMS_ID = "manage-rooms";

/** The forms, rendered by the server in place and loaded in the browser once about to be seen. */
const ManageForms = lazyWhenSeen(() => import("./manage-forms").then((module) => module.ManageForms), rendered.ManageForms);

/**
 * The management forms at the foot of the bed board, loaded when they come into view
 * (`lazyWhenSeen`): they are the page's only users of zod and react-hook-form (a quarter of its
 * JavaScript and a third of its scripts), and most visits never scroll to them.
 */
export function LazyManageForms(props: ComponentProps<typeof Forms>) {
  const t = useT();
  return (
    <section id={FORMS_ID} className="grid-2 no-print" style={{ marginTop: "1.5rem" }} aria-label={t("panti.manage")}>
      <ManageForms watch={FORMS_ID} {...props} />
    </section>
  );
}
