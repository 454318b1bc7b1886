import { lazyWhenSeen } from "~/components/ui/lazy-when-seen";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import type { LaterSectionsProps } from "./later-sections";
import * as rendered from "./sections-rendered.server";

// Unique across pages: `lazyWhenSeen` tells hydration from a client render by these ids being in the document.
const ARRIVED_FROM_ID = "case-file-arrived-from";
const LATER_ID = "case-file-later";

/** The parts, rendered by the server in place and loaded in the browser once about to be seen. */
const ArrivedFrom = lazyWhenSeen(() => import("./arrived-from").then((module) => module.ArrivedFromSection), rendered.ArrivedFromSection);
const Later = lazyWhenSeen(() => import("./later-sections").then((module) => module.LaterSections), rendered.LaterSections);

/**
 * Where the stay came from, for a stay that a partner province handed over, loaded when it comes
 * into view: the packet's summary and the arrival form (zod, react-hook-form, the hand-off
 * schemas) are for those stays only. Nothing for the others.
 */
export function LazyArrivedFrom({ file }: { file: CaseFile }) {
  if (!file.arrivedFrom) return null;
  return (
    <div id={ARRIVED_FROM_ID}>
      <ArrivedFrom watch={ARRIVED_FROM_ID} file={file} />
    </div>
  );
}

/**
 * The sections below the assessment and the plan, loaded when they come into view: their code
 * and messages (hand-offs, consent purposes, exits, the enrolment form and its schema) are most
 * of the page's, and a phone shows them only once scrolled to. The server renders them in place,
 * so the page reads, prints and works without JavaScript as before.
 */
export function LazyLaterSections(props: LaterSectionsProps) {
  return (
    <div id={LATER_ID}>
      <Later watch={LATER_ID} {...props} />
    </div>
  );
}
