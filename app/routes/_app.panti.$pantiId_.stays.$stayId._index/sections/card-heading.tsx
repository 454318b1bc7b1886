import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A section's heading, with the link to the page that changes it for those who may (not printed). */
export function CardHeading({ id, title, link }: { id: string; title: ReactNode; link?: { to: string; label: ReactNode } | null }) {
  return (
    <div className="card-heading">
      <h2 id={id}>{title}</h2>
      {link ? (
        <Link className="no-print" to={link.to}>
          {link.label}
        </Link>
      ) : null}
    </div>
  );
}
