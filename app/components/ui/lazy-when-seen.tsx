import { memo, useEffect, useState, type ComponentType } from "react";
import { useMatches, useNavigation } from "@remix-run/react";
import { loadPageGroups, missingPageGroups, whenSeenGroups, type MessageGroup } from "~/utils/message-groups";

/** How far below (or above) the viewport a section starts loading. */
const MARGIN = "400px 0px";
const WRAPPER = { display: "contents" } as const;
/** The groups of messages a section waits for, kept as a string between renders ("exits handoffs"). */
const groupList = (groups: string) => (groups ? (groups.split(" ") as MessageGroup[]) : []);

/**
 * A part of a page whose code loads in the browser only when it is about to be seen: within
 * 400 px of the viewport, when the page is printed, or at once when the page navigates or submits.
 * Made for forms below the fold that would otherwise bring zod and react-hook-form into the
 * page's scripts (docs/decisions/026-bed-board-by-room.md).
 *
 * - `load` imports the component's module (a dynamic `import()`, so it is a chunk of its own);
 * - `rendered` is the same component imported through a `.server` re-export module
 *   (`export { Forms } from "./forms"` in `forms-rendered.server.ts`): the server renders it in
 *   place, so the page's HTML has it and it works without JavaScript; in the browser build the
 *   `.server` module is empty and `rendered` is undefined.
 *
 * In the browser the server's markup stays as it is, plain HTML (a wrapper whose inner HTML React
 * leaves alone while hydrating), until the module has loaded; then the component replaces it,
 * rendered by React. No Suspense boundary is left waiting: one that still held server markup
 * would make React drop that markup on any update outside a transition (React error 421). A
 * section first rendered in the browser (the page was reached by a client-side navigation) has
 * no server markup to show meanwhile, so it loads at once, and then scrolls to the URL's `#id`
 * when that is inside it, as the navigation would have; `preload()` starts the load earlier
 * (in a route's `clientLoader`), so that such a page has the part when it first renders.
 *
 * Messages: the groups that the page's routes declare for their parts loaded when seen
 * (`messagesWhenSeen` in the route's `handle`, app/utils/message-groups.ts) load beside the
 * module, and the component replaces the server's markup once both are there.
 *
 * `{ when }` replaces "when seen" by another moment: `whenUsed` (./when-used.ts) loads a form
 * that is in view at once (sign-in) when the user starts using it, and carries what was typed
 * over to the loaded form. It is a module of its own so that the pages that do not use it do not
 * load it.
 *
 * The returned component takes the component's props and `watch`, the id of the element to
 * observe: its own container, which the caller renders around it (with the section's layout).
 * Each call makes one loader: every instance of the returned component loads together.
 *
 * ```tsx
 * import * as rendered from "./forms-rendered.server";
 * const LazyForms = lazyWhenSeen(() => import("./forms").then((m) => m.Forms), rendered.Forms);
 * <section id="forms"><LazyForms watch="forms" {...props} /></section>
 * ```
 */
export function lazyWhenSeen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  rendered: ComponentType<P> | undefined,
  { when }: { when?: LoadMoment } = {},
) {
  let startLoading: () => void = () => {};
  const started = new Promise<void>((resolve) => (startLoading = resolve));
  const ready = started.then(load);
  let loaded: ComponentType<P> | null = null;
  void ready.then((component) => (loaded = component)).catch(() => {});

  function LazyWhenSeen({ watch, ...props }: P & { watch: string }) {
    const navigation = useNavigation();
    // A string, so that the effect below runs again only when the groups change.
    const groups = whenSeenGroups(useMatches()).join(" ");
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => (missingPageGroups(groupList(groups)).length ? null : loaded));
    // Hydrating, the server's markup is already in the document; rendered on the client, it is not.
    const [clientRendered] = useState(() => typeof document !== "undefined" && !document.getElementById(watch));
    useEffect(() => {
      if (Component) return;
      const messages = started.then(() => loadPageGroups(groupList(groups)));
      const both = Promise.all([ready, messages]);
      const element = document.getElementById(watch);
      if (when && element && !clientRendered) {
        return when(element, { start: startLoading, ready: both, show: () => setComponent(() => loaded) });
      }
      let live = true;
      both.then(([component]) => live && setComponent(() => component)).catch(() => {});
      return () => {
        live = false;
      };
    }, [Component, clientRendered, groups, watch]);
    useEffect(() => {
      if (Component) return;
      const element = document.getElementById(watch);
      if (clientRendered || navigation.state !== "idle" || !element || typeof IntersectionObserver === "undefined") return startLoading();
      if (when) return;
      const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && startLoading(), {
        rootMargin: MARGIN,
      });
      observer.observe(element);
      window.addEventListener("beforeprint", startLoading);
      return () => {
        observer.disconnect();
        window.removeEventListener("beforeprint", startLoading);
      };
    }, [Component, clientRendered, navigation.state, watch]);
    useEffect(() => {
      // The navigation that rendered the section could not scroll to the URL's #id inside it, not there yet.
      const hash = window.location.hash.slice(1);
      if (!Component || !clientRendered || !hash) return;
      const target = document.getElementById(decodeURIComponent(hash));
      if (target && document.getElementById(watch)?.contains(target)) target.scrollIntoView();
    }, [Component, clientRendered, watch]);

    // The wrapper takes no box of its own: the container's layout applies to the section's parts.
    const Live = rendered ?? Component;
    if (Live) {
      return (
        <div key="live" style={WRAPPER}>
          <Live {...(props as P)} />
        </div>
      );
    }
    // Until then, the server's markup (or nothing, on the client) as it is: React does not patch
    // a wrapper's inner HTML while hydrating, and the key makes the loaded component a new element.
    return <div key="static" style={WRAPPER} dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />;
  }
  return Object.assign(memo(LazyWhenSeen), {
    /** Starts loading the module now; resolves once it has loaded. */
    preload: () => {
      startLoading();
      return ready;
    },
  });
}

/**
 * Another moment than "when seen" for a part to load and take the server markup's place: given
 * the container (with the server's markup in it), it calls `start` to load the module and, once
 * `ready` has resolved, `show` to render the component instead of the markup (synchronously, in
 * `flushSync`, if it must read the markup first); it returns what undoes its listeners.
 */
export type LoadMoment = (container: HTMLElement, part: { start: () => void; ready: Promise<unknown>; show: () => void }) => () => void;
