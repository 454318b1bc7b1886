/**
 * The outbox of signed packets to partner provinces. A packet is queued in the transaction of the
 * change it reports (so nothing is sent that was not recorded, and nothing recorded goes unsent),
 * then delivered by `deliverOutbox`: right after the change, on a timer in the server, and on
 * demand from the outbox page. A partner that does not answer is retried with backoff; packets to
 * one partner go in the order they were queued (a later one waits for an earlier one to get through).
 */
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { outbox, partnerProvinces } from "#db/schema";
import { deliveryOutcome, nextAttemptDelayMs, packetPath, type PacketKind } from "~/domain/handoffs";
import { NotFound } from "~/domain/errors";
import { PermissionDenied, scopeFor, type Actor } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { canonicalJson, signPacket } from "~/utils/signing.server";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";

/** The SHA-256 (hex) of a packet's canonical JSON. */
export function packetHash(packet: unknown): string {
  return createHash("sha256").update(canonicalJson(packet)).digest("hex");
}

/** The signed envelope `{ packet, signature }` as it travels, and the signature alone. */
export function signedEnvelope(packet: unknown): { json: string; signature: string } {
  const { body, signature } = signPacket(packet);
  return { json: `{"packet":${body},"signature":${JSON.stringify(signature)}}`, signature };
}

interface QueuedPacket {
  kind: PacketKind;
  packetId: string;
  to: string;
  handoffId?: string;
  requestId?: string;
}

/** Queues a signed packet for the partner, inside the caller's transaction. */
export function enqueuePacket(
  tx: Tx,
  packet: QueuedPacket & Record<string, unknown>,
  links: { handoffId?: number; tracingRequestId?: number },
  now: Date,
): number {
  const { json } = signedEnvelope(packet);
  const row = tx
    .insert(outbox)
    .values({
      partnerCode: packet.to,
      kind: packet.kind,
      packetId: packet.packetId,
      path: packetPath(packet),
      body: json,
      handoffId: links.handoffId ?? null,
      tracingRequestId: links.tracingRequestId ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: outbox.id })
    .get();
  return row.id;
}

export interface DeliveryOptions {
  now?: Date;
  /** Only these rows (the page's "send now"), due or not. */
  ids?: number[];
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export interface DeliverySummary {
  delivered: number;
  retrying: number;
  rejected: number;
}

async function post(fetchImpl: typeof fetch, url: string, body: string, timeoutMs: number) {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    const text = (await response.text()).slice(0, 500);
    return { status: response.status, text };
  } catch (error) {
    return { status: null, text: error instanceof Error ? error.message : String(error) };
  }
}

/** Sends the queued packets that are due (or the given ones), and records each attempt. */
export async function deliverOutbox(options: DeliveryOptions = {}): Promise<DeliverySummary> {
  const now = options.now ?? new Date();
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const rows = db
    .select({ id: outbox.id, partnerCode: outbox.partnerCode, path: outbox.path, body: outbox.body, attempts: outbox.attempts, baseUrl: partnerProvinces.baseUrl })
    .from(outbox)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, outbox.partnerCode))
    .where(
      options.ids
        ? and(eq(outbox.status, "pending"), inArray(outbox.id, options.ids))
        : and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)),
    )
    .orderBy(asc(outbox.id))
    .limit(100)
    .all();
  const summary: DeliverySummary = { delivered: 0, retrying: 0, rejected: 0 };
  const blocked = new Set<string>();
  for (const row of rows) {
    if (blocked.has(row.partnerCode)) continue;
    const answer = row.baseUrl
      ? await post(fetchImpl, `${row.baseUrl}${row.path}`, row.body, timeoutMs)
      : { status: null, text: "no instance address in the registry" };
    const outcome = deliveryOutcome(answer.status);
    const attempts = row.attempts + 1;
    const lastError = outcome === "delivered" ? null : `${answer.status ?? "no answer"}: ${answer.text}`.slice(0, 500);
    writeTransaction((tx) => {
      tx.update(outbox)
        .set({
          attempts,
          lastAttemptAt: now,
          lastError,
          status: outcome === "delivered" ? "delivered" : outcome === "rejected" ? "rejected" : "pending",
          deliveredAt: outcome === "delivered" ? now : null,
          nextAttemptAt: new Date(now.getTime() + nextAttemptDelayMs(attempts)),
        })
        .where(eq(outbox.id, row.id))
        .run();
      if (outcome !== "retry") {
        appendAudit(tx, {
          actorId: null,
          action: outcome === "delivered" ? "outbox.deliver" : "outbox.reject",
          entity: "outbox",
          entityId: row.id,
          after: { partner: row.partnerCode, path: row.path, status: answer.status, attempts, error: lastError },
          at: now,
        });
      }
    });
    if (outcome !== "delivered") blocked.add(row.partnerCode);
    summary[outcome === "delivered" ? "delivered" : outcome === "rejected" ? "rejected" : "retrying"]++;
  }
  return summary;
}

/**
 * "Send now" from the outbox page (Dinsos): the packets are due at once, a rejected one is queued
 * again (after its cause was fixed, e.g. the partner registered this instance's key); audited.
 */
export function requeueOutbox(actor: Actor, ids: number[], now = new Date()): number[] {
  if (scopeFor(actor, "handoff:prepare").kind !== "all") throw new PermissionDenied("handoff:prepare");
  return writeTransaction((tx) => {
    const rows = tx.select({ id: outbox.id, status: outbox.status }).from(outbox).where(inArray(outbox.id, ids)).all();
    if (rows.length !== ids.length) throw new NotFound("outbox");
    const open = rows.filter((r) => r.status !== "delivered").map((r) => r.id);
    if (open.length > 0) {
      tx.update(outbox).set({ status: "pending", nextAttemptAt: now }).where(inArray(outbox.id, open)).run();
      appendAudit(tx, { actorId: actor.id, action: "outbox.requeue", entity: "outbox", entityId: open.join(","), after: { ids: open }, at: now });
    }
    return open;
  });
}

/**
 * Delivers the given packets shortly after the current request is answered (a status report
 * queued while receiving a packet goes out once the sender has its answer). Not in unit tests,
 * which call deliverOutbox themselves.
 */
export function deliverSoon(ids: number[]): void {
  if (process.env.NODE_ENV === "test" || ids.length === 0) return;
  setTimeout(() => {
    deliverOutbox({ ids }).catch((error: unknown) => console.error(`outbox: ${error instanceof Error ? error.message : String(error)}`));
  }, 100).unref();
}

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

/** Retries the outbox every PANTI_OUTBOX_INTERVAL_SECONDS (60 by default) while the server runs. */
export function startOutboxTimer(): void {
  if (timer) return;
  const seconds = Number(process.env.PANTI_OUTBOX_INTERVAL_SECONDS ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverOutbox()
      .catch((error: unknown) => console.error(`outbox: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
}
