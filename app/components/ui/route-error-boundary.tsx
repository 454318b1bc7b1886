import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import { ErrorPage } from "./error-page";

/**
 * The error boundary of every page inside the app layout: a 403, 404 or any failure of one page
 * is shown in the page's place, so the user keeps the navigation and their way back.
 * Routes export it as `export { RouteErrorBoundary as ErrorBoundary }`.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={status} t={t} />;
}
