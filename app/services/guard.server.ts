import { NotFound } from "~/domain/errors";
import { checkPanti, PermissionDenied, type Actor, type Permission } from "~/domain/permissions";

/** Throws unless the actor may use the permission on the panti (403 or, out of scope, 404). */
export function authorizePanti(actor: Actor, permission: Permission, pantiId: number): void {
  const outcome = checkPanti(actor, permission, pantiId);
  if (outcome === "forbidden") throw new PermissionDenied(permission);
  if (outcome === "not_found") throw new NotFound("panti");
}
