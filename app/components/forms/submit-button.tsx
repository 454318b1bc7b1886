import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

/** The submit button of a page's form: disabled while the page submits, so a second tap does not post twice. */
export function SubmitButton({ children, className }: { children: ReactNode; className?: string }) {
  const submitting = useNavigation().state === "submitting";
  return (
    <button type="submit" className={className} disabled={submitting}>
      {children}
    </button>
  );
}
