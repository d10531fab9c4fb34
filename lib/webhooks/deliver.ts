import "server-only";
import type { Job } from "pg-boss";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";
import { appendSystemEvents } from "@/lib/server/command";
import type { DeliverJob } from "./endpoints";
import { verdict, type Verdict } from "./retry";
import { messageId, signatureHeader, signingSecrets } from "./signing";
import { postTo, resolveTarget, TargetRefused, type PostResult } from "./target";

// The `webhook.deliver` worker: one HTTP attempt per job. The attempt, the delivery's new state and the
// job for the next attempt (at the backoff or the receiver's Retry-After) are written in one transaction.
// A job whose attempt number is not the delivery's next one (a duplicate, a resend raced) does nothing.

export type AttemptOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "cancelled" }
  | { kind: "refused"; error: string }
  | { kind: Verdict["kind"]; status: number | null; ms: number; nextAttemptAt: Date | null };

export async function attemptDelivery(job: DeliverJob, now: () => Date = () => new Date()): Promise<AttemptOutcome> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: job.deliveryId },
    include: { endpoint: { select: { id: true, url: true, enabled: true, secret: true, previousSecret: true, previousSecretExpiresAt: true } } },
  });
  if (!delivery) return { kind: "skipped", reason: "gone" };
  if (delivery.status !== "PENDING" || delivery.attempts !== job.attempt - 1) return { kind: "skipped", reason: "stale job" };
  const { endpoint } = delivery;
  if (!endpoint.enabled) {
    await db.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "PENDING", attempts: delivery.attempts },
      data: { status: "CANCELLED", lastError: "The webhook was turned off", nextAttemptAt: null },
    });
    return { kind: "cancelled" };
  }

  let result: PostResult;
  try {
    const target = await resolveTarget(endpoint.url);
    const at = now();
    const timestamp = Math.floor(at.getTime() / 1000);
    const id = messageId(delivery.id);
    const headers = {
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(signingSecrets(endpoint, at), id, timestamp, delivery.body),
    };
    result = await postTo(target, headers, delivery.body);
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error;
    // A private address is not retried (it will not become public by waiting; a manager fixes the URL and
    // resends); a name that did not resolve is, like any network failure.
    const failed = { status: null, ms: 0, retryAfter: null, error: error.message };
    const v: Verdict = error.retryable ? verdict(failed, job.attempt - delivery.resendBase, now()) : { kind: "failed" };
    const nextAttemptAt = await record(delivery.id, job.attempt, failed, v, now());
    if (nextAttemptAt === undefined) return { kind: "skipped", reason: "recorded by another worker" };
    return error.retryable ? { kind: v.kind, status: null, ms: 0, nextAttemptAt } : { kind: "refused", error: error.message };
  }
  const v = verdict(result, job.attempt - delivery.resendBase, now());
  const nextAttemptAt = await record(delivery.id, job.attempt, result, v, now(), endpoint.id);
  if (nextAttemptAt === undefined) return { kind: "skipped", reason: "recorded by another worker" };
  return { kind: v.kind, status: result.status, ms: result.ms, nextAttemptAt };
}

/** Writes the attempt and its consequences; undefined when another worker recorded this attempt first. */
async function record(deliveryId: string, attempt: number, result: PostResult, v: Verdict, at: Date, endpointId?: string): Promise<Date | null | undefined> {
  const nextAttemptAt = v.kind === "retry" ? new Date(at.getTime() + v.delayMs) : null;
  const error = result.error ?? (result.status !== null && (result.status < 200 || result.status >= 300) ? `HTTP ${result.status}` : null);
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING", attempts: attempt - 1 },
      data: {
        attempts: attempt,
        status: v.kind === "delivered" ? "DELIVERED" : v.kind === "retry" ? "PENDING" : "FAILED",
        lastStatus: result.status,
        lastError: v.kind === "gone" ? "410 Gone: the receiver asked to stop; the webhook was turned off" : error,
        lastMs: result.ms,
        nextAttemptAt,
        ...(v.kind === "delivered" ? { deliveredAt: at } : {}),
      },
    });
    if (count === 0) return undefined;
    await tx.webhookAttempt.create({ data: { deliveryId, number: attempt, at, statusCode: result.status, ms: result.ms, error, nextAttemptAt } });
    if (v.kind === "gone" && endpointId) {
      const off = await tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: { enabled: false, disabledReason: "410 Gone", version: { increment: 1 } },
        select: { launchId: true, url: true, version: true },
      });
      // Audited like a manager turning it off, with the receiver's reason and no person as the actor.
      await appendSystemEvents(tx, off.launchId, [
        { type: "webhook.disabled", payload: { endpointId, host: new URL(off.url).host, fields: ["enabled"], version: off.version, reason: "410 Gone" } },
      ]);
    }
    if (nextAttemptAt) await enqueue<DeliverJob>(tx, "webhook.deliver", { deliveryId, attempt: attempt + 1 }, { startAfter: nextAttemptAt });
    return nextAttemptAt;
  });
}

/**
 * The worker's handler (lib/jobs/workers.ts). A batch's attempts run side by side, so one slow receiver
 * (up to the 10 s timeout) does not hold the others past the queue's expiry. A failure fails the batch;
 * pg-boss retries it, and the attempts already recorded are skipped as stale.
 */
export async function deliverWebhooks(jobs: Job<object>[]) {
  const results = await Promise.allSettled(jobs.map((job) => attemptDelivery(job.data as DeliverJob)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}
