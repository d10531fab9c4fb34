import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { db, type Tx } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/domain/errors";
import { enqueueDispatch } from "@/lib/jobs/dispatch";
import { resolveLaunchAccess } from "@/lib/launches/access";
import { readOnlyRefusal } from "@/lib/domain/read-only";
import { can, type Action, type Actor, type LaunchAccess, type Role } from "@/lib/domain/roles";

// The one write path (docs/decisions/0003-one-write-path.md): every mutation runs here, in one
// transaction that authorizes against rows read inside it, writes, appends its events and notifies.
// NOTIFY is delivered only at COMMIT, so listeners never see an event whose change rolled back.

export const EVENTS_CHANNEL = "launch_events";

export type EventInput = { type: string; payload?: Record<string, unknown> };

export type LaunchCtx = {
  tx: Tx;
  actor: Actor;
  launch: { id: string; name: string; status: string; timeZone: string; engineersEditAll: boolean; atRiskHours: number };
  access: LaunchAccess & { role: Role | null };
  emit: (event: EventInput) => void;
};

type CommandResult<T> = { result: T; eventIds: string[] };

// Ids of the events the current request committed, so an action can hand them to its tab: the tab then
// recognises its own change when the live stream echoes it back.
const committedEvents = new AsyncLocalStorage<string[]>();

export async function withCommittedEventIds<T>(fn: () => Promise<T>): Promise<{ value: T; eventIds: string[] }> {
  const eventIds: string[] = [];
  const value = await committedEvents.run(eventIds, fn);
  return { value, eventIds };
}

function committed<T>(out: CommandResult<T>): CommandResult<T> {
  committedEvents.getStore()?.push(...out.eventIds);
  return out;
}
/** Prisma's interactive-transaction limits (defaults: 5 s to run, 2 s to get a connection). */
export type TxOptions = { timeout?: number; maxWait?: number };

// A burst (fifty people scheduling at once, a pipeline ticking checks) queues for a pooled connection
// rather than failing: waiting a few seconds beats "try again". Prisma's defaults are 2 s and 5 s.
const TX_DEFAULTS = { maxWait: 10_000, timeout: 15_000 } satisfies TxOptions;

async function appendEvents(tx: Tx, launchId: string | null, actorId: string | null, events: EventInput[]) {
  if (events.length === 0) return [];
  // Per-launch ordering invariant: event ids of one launch are assigned in commit order. Ids come from a
  // sequence at INSERT, so two concurrent transactions could commit out of id order and a live reader
  // that follows "id > last seen" would skip one. The advisory lock, taken before any id is drawn (the
  // insert reads its rows through it) and held until COMMIT, makes id order and commit order agree for
  // each launch. One round trip: lock, insert in the given order, and NOTIFY the last id (ids only:
  // listeners read the rows themselves, so payload size never limits an event).
  const at = new Date();
  const [{ ids }] = await tx.$queryRaw<{ ids: bigint[] }[]>`
    WITH locked AS (SELECT pg_advisory_xact_lock(hashtext(${`events:${launchId ?? "*"}`})) AS held),
    inserted AS (
      INSERT INTO "event" (launch_id, actor_id, type, payload, at)
      SELECT ${launchId}, ${actorId}, e.type, e.payload::jsonb, ${at}
        FROM locked, unnest(${events.map((e) => e.type)}::text[], ${events.map((e) => JSON.stringify(e.payload ?? {}))}::text[]) WITH ORDINALITY AS e(type, payload, n)
       ORDER BY e.n
      RETURNING id)
    SELECT array_agg(id ORDER BY id) AS ids, pg_notify(${EVENTS_CHANNEL}, ${`${launchId ?? "*"}:`} || max(id)::text)::text AS notified
      FROM inserted`;
  const eventIds = ids.map((id) => id.toString());
  // Reactions (mail, webhooks) are durable jobs committed with the change (lib/jobs/dispatch.ts).
  await enqueueDispatch(tx, launchId, eventIds);
  return eventIds;
}

/**
 * Runs `fn` as `actor` on launch `launchId`, after checking `action` against the actor's role read in the
 * same transaction. Non-members get NotFound (a launch's existence is not disclosed); members without the
 * right get Forbidden.
 */
export async function runLaunchCommand<T>(
  actor: Actor,
  launchId: string,
  action: Action,
  fn: (ctx: LaunchCtx) => Promise<T>,
  txOptions: TxOptions = {},
): Promise<CommandResult<T>> {
  const out = await db.$transaction(async (tx) => {
    // Visibility and role from the one access rule, the membership row locked until COMMIT.
    const { role, ...launch } = await resolveLaunchAccess(actor, launchId, { tx, lock: true });
    const access = { role, engineersEditAll: launch.engineersEditAll };
    if (!can(actor, access, action)) throw new ForbiddenError(forbiddenMessage(action));
    const readOnly = readOnlyRefusal(launch.status, action);
    if (readOnly) throw new ForbiddenError(readOnly);
    const events: EventInput[] = [];
    const { id, name, status, timeZone, engineersEditAll, atRiskHours } = launch;
    const launchRow = { id, name, status, timeZone, engineersEditAll, atRiskHours };
    const result = await fn({ tx, actor, launch: launchRow, access, emit: (e) => events.push(e) });
    const eventIds = await appendEvents(tx, launch.id, actor.userId, events);
    return { result, eventIds };
  }, { ...TX_DEFAULTS, ...txOptions });
  return committed(out);
}

/**
 * Events no person caused (a receiver's 410 turning its webhook off): the same append, ordering lock,
 * NOTIFY and dispatch as a command's, in the caller's transaction, with no actor (shown as "Liftoff").
 */
export function appendSystemEvents(tx: Tx, launchId: string | null, events: EventInput[]) {
  return appendEvents(tx, launchId, null, events);
}

/** For commands that create their launch or touch no launch (instance-wide freezes, environments). */
export async function runCommand<T>(
  actor: Actor,
  fn: (ctx: { tx: Tx; emit: (launchId: string | null, e: EventInput) => void }) => Promise<T>,
): Promise<CommandResult<T>> {
  const out = await db.$transaction(async (tx) => {
    const byLaunch = new Map<string | null, EventInput[]>();
    const result = await fn({
      tx,
      emit: (launchId, e) => byLaunch.set(launchId, [...(byLaunch.get(launchId) ?? []), e]),
    });
    const eventIds: string[] = [];
    for (const [launchId, events] of byLaunch) eventIds.push(...(await appendEvents(tx, launchId, actor.userId, events)));
    return { result, eventIds };
  }, TX_DEFAULTS);
  return committed(out);
}

const FORBIDDEN: Partial<Record<Action, string>> = {
  "members.manage": "Only the launch's managers can manage its members.",
  "launch.edit": "Only the launch's managers can edit it.",
  "checklist.structure": "Only the launch's managers can change the checklist's structure.",
  "checklist.assign": "Only the launch's managers can assign items.",
  "signoff.configure": "Only the launch's managers can configure sign-offs.",
  "signoff.decide": "Only approvers can sign off.",
  "go.decide": "Only the launch's managers can record the go/no-go decision.",
  "window.manage": "Only the launch's managers can schedule and move windows.",
  "launch.lifecycle": "Only the launch's managers can move the launch through its lifecycle.",
  "runbook.edit": "Only the launch's managers can change the runbook.",
  "runbook.run": "Only the launch's managers can pause the runbook, run rehearsals and record rollback decisions.",
  "runbook.execute.own": "Only the task's assignees and the launch's managers can run this task.",
  "runbook.execute.any": "Only the task's assignees and the launch's managers can run this task.",
  "hypercare.manage": "Only the launch's managers can change hypercare's end, criteria and sign-offs.",
  "hypercare.record": "Only the launch's engineers and managers can record hypercare metrics.",
  "incident.write": "Only the launch's engineers and managers can open and update incidents.",
};

export function forbiddenMessage(action: Action) {
  return FORBIDDEN[action] ?? "Your role on this launch does not allow that.";
}
