/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the placements API (public). */
import { openApiDocument } from "~/api/openapi";

export async function loader() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
