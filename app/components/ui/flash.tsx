import { useEffect, useRef, type ReactNode } from "react";

/**
 * The confirmation after a successful form: announced to screen readers and brought into view,
 * so that a phone user who saved at the bottom of a long page sees it where they are.
 */
export function Flash({
  message,
  tone = "success",
  testId = "flash",
  children,
}: {
  message: string | null | undefined;
  tone?: "success" | "info";
  /** The data-testid of the message ("flash" unless a page names its own). */
  testId?: string;
  /** What follows the message (a link to the record it made). */
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || !message) return;
    const box = node.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) node.scrollIntoView({ block: "center", behavior: "smooth" });
    node.focus({ preventScroll: true });
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className={`alert ${tone}`} role="status" tabIndex={-1} data-testid={testId}>
      {message}
      {children ? <> {children}</> : null}
    </div>
  );
}
