import { lazy, Suspense, useEffect, type ComponentProps } from "react";
import { useNavigation } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import type { ManageForms as Forms } from "./manage-forms";
import * as rendered from "./manage-forms-rendered.server";

const FORMS_ID = "manage-rooms";

let startLoading: () => void = () => {};
const started = new Promise<void>((resolve) => (startLoading = resolve));
/** The forms' module, once they are about to be seen (or the page navigates or submits). */
const BrowserForms = lazy(() => started.then(() => import("./manage-forms")).then((module) => ({ default: module.ManageForms })));

/**
 * The management forms at the foot of the bed board, loaded when they come within 400 px of the
 * viewport: they are the page's only users of zod and react-hook-form (a quarter of its
 * JavaScript and a third of its scripts), and most visits never scroll to them. The server
 * renders them in place (works without JavaScript); in the browser the server's markup stays, a
 * plain form, until the module has loaded, then React hydrates it (a Suspense boundary that
 * waits for the lazy component). A navigation or a submission loads them at once, since new
 * props would make React drop the server's markup until then.
 */
export function LazyManageForms(props: ComponentProps<typeof Forms>) {
  const t = useT();
  const navigation = useNavigation();
  useEffect(() => {
    const element = document.getElementById(FORMS_ID);
    if (navigation.state !== "idle" || !element || typeof IntersectionObserver === "undefined") return startLoading();
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && startLoading(), {
      rootMargin: "400px 0px",
    });
    observer.observe(element);
    window.addEventListener("beforeprint", startLoading);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", startLoading);
    };
  }, [navigation.state]);
  const ManageForms = rendered.ManageForms ?? BrowserForms;
  return (
    <section id={FORMS_ID} className="grid-2 no-print" style={{ marginTop: "1.5rem" }} aria-label={t("panti.manage")}>
      <Suspense fallback={null}>
        <ManageForms {...props} />
      </Suspense>
    </section>
  );
}
