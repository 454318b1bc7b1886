/**
 * For `lazyWhenSeen(load, rendered, { when: whenUsed })` (./lazy-when-seen.tsx): a form that is
 * in view at once (sign-in) loads its code when the user starts using it rather than when seen,
 * which would be at once. Until then the server's form is what the user sees, types into and can
 * submit (a plain POST to the same action).
 *
 * - The code starts loading on the first focus, press, touch, key or input inside the container
 *   (a password manager filling it counts), or at once when the page navigates; before the page
 *   was interactive, a field the user focused (not the page's own `autofocus`) or typed into counts.
 * - Once it has loaded, the component replaces the server's markup at the first moment nothing
 *   the user does can be lost: not while a pointer is down on the form (the click that follows
 *   would miss a removed button), not during IME composition (a phone keyboard's word being
 *   typed), and never after the server's form was submitted (the browser is posting it).
 * - The server's controls are read and the swap is committed synchronously (`flushSync`), so no
 *   keystroke falls in between; then the new controls of the same id (else kind, name and place)
 *   get what was typed (text, selects, checkboxes; also what a password manager filled in without
 *   events) as typing would put it there (an `input` event, which react-hook-form reads), and the
 *   focus and selection go back to the same field (or button). File inputs cannot be carried over.
 * - Should the module fail to load, the server's form stays, and still posts.
 */
import { flushSync } from "react-dom";
import type { LoadMoment } from "./lazy-when-seen";

/** What starts the load: the user reaching into the form. */
const USE_EVENTS = ["focusin", "pointerdown", "touchstart", "keydown", "input"] as const;
const LISTENING = { capture: true, passive: true } as const;

export const whenUsed: LoadMoment = (container, { start, ready, show }) => {
  let pressed = false;
  let composing = false;
  let submitted = false;
  let arrived = false;
  let live = true;
  const swap = () => {
    if (!live || !arrived || pressed || composing || submitted) return;
    live = false;
    carryOver(container, () => flushSync(show));
  };
  // After the pointer is up, the click it makes is dispatched first.
  const swapSoon = () => void setTimeout(swap, 0);
  const listeners: [EventTarget, string, () => void][] = [
    ...USE_EVENTS.map((type): [EventTarget, string, () => void] => [container, type, start]),
    [container, "pointerdown", () => (pressed = true)],
    [window, "pointerup", () => ((pressed = false), swapSoon())],
    [window, "pointercancel", () => ((pressed = false), swapSoon())],
    // An update says so too: a composition begun before the page was interactive has no start here.
    [container, "compositionstart", () => (composing = true)],
    [container, "compositionupdate", () => (composing = true)],
    [container, "compositionend", () => ((composing = false), swapSoon())],
    [container, "submit", () => (submitted = true)],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener, LISTENING);
  // Used before the page was interactive: a field the user focused (not the page's autofocus) or typed into.
  const active = document.activeElement;
  if ((active && container.contains(active) && !active.hasAttribute("autofocus")) || changed(container)) start();
  ready.then(() => ((arrived = true), swap())).catch(() => {});
  return () => {
    live = false;
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, LISTENING);
  };
};

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Selection = [number, number, "forward" | "backward" | "none"];

/**
 * The form controls (and buttons, which can have the focus) under `root`, by a key that finds the
 * same control in other markup: its id, else its kind, name and place.
 */
function controls(root: HTMLElement): Map<string, Control | HTMLButtonElement> {
  const found = new Map<string, Control | HTMLButtonElement>();
  const places = new Map<string, number>();
  for (const control of root.querySelectorAll<Control | HTMLButtonElement>("input, textarea, select, button")) {
    const kind = `${control.localName} ${control.name}`;
    const place = places.get(kind) ?? 0;
    places.set(kind, place + 1);
    found.set(control.id || `${kind}#${place}`, control);
  }
  return found;
}

/** Whether a control under `root` holds something else than the markup gave it. */
function changed(root: HTMLElement): boolean {
  return [...controls(root).values()].some((control) =>
    control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")
      ? control.checked !== control.defaultChecked
      : control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement
        ? control.value !== control.defaultValue
        : control instanceof HTMLSelectElement && [...control.options].some((option) => option.selected !== option.defaultSelected),
  );
}

/**
 * Runs `replace` (which puts new controls under `root`), then gives the new controls the values
 * of the old ones and the old focused control's focus and selection to its new twin.
 */
function carryOver(root: HTMLElement, replace: () => void) {
  const before = controls(root);
  const active = document.activeElement;
  const focused = [...before].find(([, control]) => control === active);
  const selection = focused ? selectionOf(focused[1]) : null;
  replace();
  const after = controls(root);
  for (const [key, control] of after) {
    const old = before.get(key);
    if (!old || old === control || control instanceof HTMLButtonElement) continue;
    if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
      if (control.checked !== (old as HTMLInputElement).checked) control.click();
    } else if (control.type !== "hidden" && control.type !== "file" && control.value !== old.value) {
      setValue(control, old.value);
    }
  }
  const twin = focused && after.get(focused[0]);
  if (!twin || twin === active) return;
  twin.focus({ preventScroll: true });
  if (selection && (twin instanceof HTMLInputElement || twin instanceof HTMLTextAreaElement)) {
    try {
      twin.setSelectionRange(...selection);
    } catch {
      // A type without a selection (email, number): the focus is enough.
    }
  }
}

function selectionOf(control: Control | HTMLButtonElement): Selection | null {
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) return null;
  try {
    const { selectionStart, selectionEnd, selectionDirection } = control;
    return selectionStart === null || selectionEnd === null ? null : [selectionStart, selectionEnd, selectionDirection ?? "none"];
  } catch {
    return null;
  }
}

/**
 * Sets a control's value as typing would: through its prototype's setter (React watches the
 * element's own `value` property, and would take a value set there for one it rendered itself)
 * and then the event that React's `onChange` listens to, so that the component's handlers see it.
 */
function setValue(control: Control, value: string) {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control) as object, "value")?.set?.call(control, value);
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}
