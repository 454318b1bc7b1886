import { lazyWhenSeen } from "~/components/ui/lazy-when-seen";
import type { EnrolFormProps } from "./enrol-form";
import * as rendered from "./enrol-form-rendered.server";

// Unique across pages: `lazyWhenSeen` tells hydration from a client render by this id being in the
// document, and the case file, from which one navigates here, has a section `#enrol`.
const FORM_ID = "class-enrol";

/** The form, rendered by the server in place and loaded in the browser once about to be seen. */
const EnrolForm = lazyWhenSeen(() => import("./enrol-form").then((module) => module.EnrolForm), rendered.EnrolForm);

/**
 * The class page's enrolment form, loaded when it comes into view (`lazyWhenSeen`): it is the
 * page's only user of zod and react-hook-form, below the attendance grid.
 */
export function LazyEnrolForm(props: EnrolFormProps) {
  return (
    <section className="card" id={FORM_ID}>
      <EnrolForm watch={FORM_ID} {...props} />
    </section>
  );
}
