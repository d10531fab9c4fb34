import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Action, Actor } from "@/lib/domain/roles";
import { enqueue } from "@/lib/jobs/boss";
import { runCommand, runLaunchCommand, type EventInput } from "@/lib/server/command";
import { bodyFor } from "./message";
import {
  MAX_ENDPOINTS_PER_LAUNCH,
  type createWebhookSchema,
  type editWebhookSchema,
  type resendWebhookSchema,
  type setWebhookEnabledSchema,
  type webhookEndpointSchema,
} from "./schema";
import { newSecret, PREVIOUS_SECRET_TTL_MS } from "./signing";
import { resolveTarget, TargetRefused } from "./target";

// Managing webhook endpoints. A launch's: its managers only ("launch.edit"; disabling and deleting also
// on a closed launch, like revoking a share link). Instance-wide ones (launchId null, every launch's
// events): instance admins only, checked in the transaction. Every change is audited; events name the
// endpoint by id and host only, since a URL's path is often itself a secret (Slack and Teams URLs are).

export type DeliverJob = { deliveryId: string; attempt: number };

const host = (url: string) => new URL(url).host;

/** A command's input, for a launch's endpoints or (launchId null) the instance's. */
type Scoped<T> = Omit<T, "launchId"> & { launchId: string | null };

type ScopeCtx = { tx: Tx; emit: (e: EventInput) => void; launchName: string | null };

/** Runs `fn` on the one write path: as a launch command checking `action`, or as an admin-only instance command. */
async function inScope<T>(actor: Actor, launchId: string | null, action: Action, fn: (ctx: ScopeCtx) => Promise<T>): Promise<T> {
  if (launchId !== null) {
    return (await runLaunchCommand(actor, launchId, action, ({ tx, emit, launch }) => fn({ tx, emit, launchName: launch.name }))).result;
  }
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    // Read in the transaction, so an admin demoted a moment ago is already refused.
    const user = actor.isAdmin ? await tx.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true } }) : null;
    if (!user?.isAdmin) throw new ForbiddenError("Only instance admins can manage instance-wide webhooks.");
    return fn({ tx, emit: (e) => emit(null, e), launchName: null });
  });
  return result;
}

/** Refuses a target that is not http(s) or is private (unless allowed), as a field error on `url`. */
async function checkTarget(url: string) {
  try {
    await resolveTarget(url);
  } catch (error) {
    if (error instanceof TargetRefused) throw new ValidationError(`url: ${error.message}`, { url: [error.message] });
    throw error;
  }
}

async function findEndpoint(tx: Tx, launchId: string | null, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, launchId } });
  if (!endpoint) throw new NotFoundError("That webhook does not exist (it may have been deleted).");
  return endpoint;
}

export async function createWebhook(actor: Actor, input: Scoped<z.output<typeof createWebhookSchema>>) {
  await checkTarget(input.url);
  const secret = newSecret();
  const result = await inScope(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    // Counted under a lock per scope: two managers adding the tenth webhook at once cannot make eleven.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhooks:${input.launchId ?? "*"}`}))`;
    const count = await tx.webhookEndpoint.count({ where: { launchId: input.launchId } });
    if (count >= MAX_ENDPOINTS_PER_LAUNCH) throw new ValidationError(`${input.launchId ? "A launch" : "The instance"} can have at most ${MAX_ENDPOINTS_PER_LAUNCH} webhooks. Delete one first.`);
    const endpoint = await tx.webhookEndpoint.create({
      data: { launchId: input.launchId, url: input.url, description: input.description, eventTypes: input.eventTypes, format: input.format, secret, createdById: actor.userId },
      select: { id: true },
    });
    emit({ type: "webhook.created", payload: { endpointId: endpoint.id, host: host(input.url), format: input.format, eventTypes: input.eventTypes, version: 1 } });
    return { id: endpoint.id, secret };
  });
  return result;
}

const EDITABLE = ["url", "description", "eventTypes", "format"] as const;
const FIELD_LABEL: Record<string, string> = { url: "URL", description: "description", eventTypes: "events", format: "format", secret: "signing secret", enabled: "on/off state" };

/** What changed on an endpoint after `version`, read from its events: "URL and events". */
async function changedSince(tx: Tx, launchId: string | null, endpointId: string, version: number): Promise<string> {
  const events = await tx.event.findMany({
    where: { launchId, type: { startsWith: "webhook." }, payload: { path: ["endpointId"], equals: endpointId } },
    orderBy: { id: "asc" },
    select: { payload: true },
  });
  const fields = new Set<string>();
  for (const e of events) {
    const p = e.payload as { version?: number; fields?: string[] };
    if ((p.version ?? 0) > version) for (const f of p.fields ?? []) fields.add(FIELD_LABEL[f] ?? f);
  }
  const list = [...fields];
  if (list.length === 0) return "it";
  return list.length === 1 ? `its ${list[0]}` : `its ${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

export async function editWebhook(actor: Actor, input: Scoped<z.output<typeof editWebhookSchema>>) {
  await checkTarget(input.url);
  const result = await inScope(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    const current = await findEndpoint(tx, input.launchId, input.endpointId);
    const fields = EDITABLE.filter((f) =>
      f === "eventTypes" ? [...current.eventTypes].sort().join() !== [...input.eventTypes].sort().join() : current[f] !== input[f],
    );
    const stale = async () =>
      new ConflictError(
        `Someone changed ${await changedSince(tx, input.launchId, input.endpointId, input.version)} meanwhile. Your edit was not saved; check, then save again.`,
        { url: current.url, description: current.description, eventTypes: current.eventTypes, format: current.format, enabled: current.enabled, version: current.version },
      );
    if (current.version !== input.version) throw await stale();
    if (fields.length === 0) return { id: current.id, version: current.version };
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: current.id, version: input.version },
      data: { url: input.url, description: input.description, eventTypes: input.eventTypes, format: input.format, version: { increment: 1 } },
    });
    if (count === 0) throw await stale();
    const version = input.version + 1;
    emit({ type: "webhook.updated", payload: { endpointId: current.id, host: host(input.url), fields, version } });
    return { id: current.id, version };
  });
  return result;
}

export async function setWebhookEnabled(actor: Actor, input: Scoped<z.output<typeof setWebhookEnabledSchema>>) {
  if (input.enabled) {
    // Checked before the transaction (a DNS lookup may take seconds); the callers already refused anyone who
    // may not see this launch or is not an admin. A URL edited meanwhile is checked by its own edit.
    const endpoint = await db.webhookEndpoint.findFirst({ where: { id: input.endpointId, launchId: input.launchId }, select: { url: true } });
    if (endpoint) await checkTarget(endpoint.url);
  }
  const result = await inScope(actor, input.launchId, input.enabled ? "launch.edit" : "members.manage", async ({ tx, emit }) => {
    const current = await findEndpoint(tx, input.launchId, input.endpointId);
    if (current.enabled === input.enabled) return { id: current.id, version: current.version, enabled: current.enabled };
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: { enabled: input.enabled, disabledReason: input.enabled ? null : "Disabled by a manager", version: { increment: 1 } },
      select: { version: true },
    });
    emit({ type: input.enabled ? "webhook.enabled" : "webhook.disabled", payload: { endpointId: current.id, host: host(current.url), fields: ["enabled"], version: updated.version } });
    return { id: current.id, version: updated.version, enabled: input.enabled };
  });
  return result;
}

/** A new secret; the old one keeps signing (as a second signature) for 24 h so receivers can switch over. */
export async function rotateWebhookSecret(actor: Actor, input: Scoped<z.output<typeof webhookEndpointSchema>>) {
  const secret = newSecret();
  const result = await inScope(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    const current = await findEndpoint(tx, input.launchId, input.endpointId);
    const previousSecretExpiresAt = new Date(Date.now() + PREVIOUS_SECRET_TTL_MS);
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: { secret, previousSecret: current.secret, previousSecretExpiresAt, version: { increment: 1 } },
      select: { version: true },
    });
    emit({ type: "webhook.secret_rotated", payload: { endpointId: current.id, host: host(current.url), fields: ["secret"], version: updated.version, previousValidUntil: previousSecretExpiresAt.toISOString() } });
    return { id: current.id, version: updated.version, secret, previousValidUntil: previousSecretExpiresAt.toISOString() };
  });
  return result;
}

export async function deleteWebhook(actor: Actor, input: Scoped<z.output<typeof webhookEndpointSchema>>) {
  const result = await inScope(actor, input.launchId, "members.manage", async ({ tx, emit }) => {
    const current = await findEndpoint(tx, input.launchId, input.endpointId);
    await tx.webhookEndpoint.delete({ where: { id: current.id } });
    emit({ type: "webhook.deleted", payload: { endpointId: current.id, host: host(current.url) } });
    return { id: current.id };
  });
  return result;
}

/** Queues a "webhook.test" message to one endpoint, delivered and logged like any other. */
export async function sendWebhookTest(actor: Actor, input: Scoped<z.output<typeof webhookEndpointSchema>>) {
  const result = await inScope(actor, input.launchId, "launch.edit", async ({ tx, launchName, emit }) => {
    const current = await findEndpoint(tx, input.launchId, input.endpointId);
    if (!current.enabled) throw new ValidationError("This webhook is off. Turn it on to send a test.");
    const body = bodyFor(current.format, { id: null, launchId: input.launchId, type: "webhook.test", payload: { message: "Test message from Liftoff" }, at: new Date() }, launchName);
    const delivery = await tx.webhookDelivery.create({ data: { endpointId: current.id, type: "webhook.test", body, nextAttemptAt: new Date() }, select: { id: true } });
    await enqueue<DeliverJob>(tx, "webhook.deliver", { deliveryId: delivery.id, attempt: 1 });
    emit({ type: "webhook.test_sent", payload: { endpointId: current.id, deliveryId: delivery.id, host: host(current.url) } });
    return { deliveryId: delivery.id };
  });
  return result;
}

/** Sends a finished (delivered or failed) message again, with a fresh retry budget and the same id. */
export async function resendWebhookDelivery(actor: Actor, input: Scoped<z.output<typeof resendWebhookSchema>>) {
  const result = await inScope(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, endpoint: { launchId: input.launchId } },
      select: { id: true, status: true, attempts: true, endpoint: { select: { id: true, enabled: true, url: true } } },
    });
    if (!delivery) throw new NotFoundError("That delivery does not exist (its webhook may have been deleted).");
    if (!delivery.endpoint.enabled) throw new ValidationError("This webhook is off. Turn it on to resend.");
    if (delivery.status === "PENDING") throw new ConflictError("This message is still being delivered; it is retried on its own.");
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts, status: delivery.status },
      data: { status: "PENDING", resendBase: delivery.attempts, nextAttemptAt: new Date() },
    });
    if (count === 0) throw new ConflictError("Someone resent this message at the same moment.");
    await enqueue<DeliverJob>(tx, "webhook.deliver", { deliveryId: delivery.id, attempt: delivery.attempts + 1 });
    emit({ type: "webhook.resent", payload: { endpointId: delivery.endpoint.id, deliveryId: delivery.id, host: host(delivery.endpoint.url) } });
    return { deliveryId: delivery.id };
  });
  return result;
}
