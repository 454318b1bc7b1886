/**
 * Psychosocial sessions: an individual session with one resident or a group session with several
 * residents of the same panti. The confidential note is stored with the session and never copied
 * anywhere else (not into the audit log either: the log records only that a note was written).
 */
import { psychosocialSessions, sessionParticipants } from "#db/schema";
import { isFutureInstant, type SessionInput } from "~/domain/case-file";
import { InvalidInput, NotFound } from "~/domain/errors";
import type { Actor } from "~/domain/permissions";
import { appendAudit, writeTransaction } from "./audit.server";
import { openStaysOfPanti } from "./case-file.server";
import { authorizePanti } from "./guard.server";

export interface SessionResult {
  sessionId: number;
  participants: number;
}

/**
 * Records a session in the panti. `stayId` is the case the session was recorded from (an
 * individual session from the case file): when it is not a stay of this panti, the answer is
 * not found, as for any other panti's record. Every participant must be an open stay of the panti.
 */
export function recordSession(
  actor: Actor & { name?: string },
  target: { pantiId: number; stayId?: number },
  input: SessionInput,
  now = new Date(),
): SessionResult {
  return writeTransaction((tx) => {
    authorizePanti(actor, "psychosocial:write", target.pantiId);
    const stayIds = target.stayId != null && input.mode === "individual" ? [target.stayId] : [...input.stayIds];
    if (target.stayId != null && !stayIds.includes(target.stayId)) stayIds.unshift(target.stayId);
    const found = openStaysOfPanti(tx, target.pantiId, stayIds);
    if (target.stayId != null && !found.some((s) => s.id === target.stayId)) throw new NotFound("stay");
    if (found.length !== stayIds.length) throw new InvalidInput({ stayIds: ["psychosocial.error.participants"] });
    if (found.some((s) => s.exitedAt != null)) throw new InvalidInput({ stayIds: ["psychosocial.error.closedStay"] });
    if (input.mode === "group" && stayIds.length < 2) throw new InvalidInput({ stayIds: ["psychosocial.error.groupTwo"] });
    if (isFutureInstant(input.sessionAt, now)) throw new InvalidInput({ sessionAt: ["error.future"] });
    if (found.some((s) => s.admittedAt.getTime() > input.sessionAt.getTime())) {
      throw new InvalidInput({ sessionAt: ["psychosocial.error.beforeAdmission"] });
    }

    const session = tx
      .insert(psychosocialSessions)
      .values({
        pantiId: target.pantiId,
        serviceCode: input.serviceCode,
        mode: input.mode,
        providerName: input.providerName,
        // The provider is the signed-in user unless another name was given.
        providerUserId: actor.name && actor.name === input.providerName ? actor.id : null,
        sessionAt: input.sessionAt,
        durationMinutes: input.durationMinutes,
        summary: input.summary,
        note: input.note ?? null,
        followUp: input.followUp ?? null,
        createdBy: actor.id,
      })
      .returning({ id: psychosocialSessions.id })
      .get();
    tx.insert(sessionParticipants)
      .values(stayIds.map((stayId) => ({ sessionId: session.id, stayId })))
      .run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "psychosocial.session_create",
      entity: "psychosocial_session",
      entityId: session.id,
      pantiId: target.pantiId,
      after: {
        serviceCode: input.serviceCode,
        mode: input.mode,
        providerName: input.providerName,
        sessionAt: input.sessionAt.toISOString(),
        durationMinutes: input.durationMinutes,
        stayIds,
        // That a confidential note was written, never its text.
        withNote: input.note != null,
      },
      at: now,
    });
    return { sessionId: session.id, participants: stayIds.length };
  });
}
