import "server-only";
import { fromPrisma, PgBoss, type SendOptions, type WorkHandler } from "pg-boss";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { JOB_SCHEMA, type QueueName } from "./queues";

// Durable jobs (docs/decisions/0007-durable-jobs.md). Two pg-boss instances per process, both created on
// first use:
// - the sender inserts jobs through the caller's transaction (`enqueue`), so a job is committed with the
//   change that caused it or not at all (the outbox); its own two-connection pool only reads queue
//   settings and serves `enqueueNow`. It never polls.
// - the worker (`startWorkers`, only in server processes) has its own small pool, polls the queues it
//   works, and runs pg-boss's maintenance (expiry, retries, retention).

type Global = { sender?: Promise<PgBoss>; worker?: Promise<PgBoss> };
const g = globalThis as unknown as { liftoffJobs?: Global };
const state = (g.liftoffJobs ??= {});

function sender(): Promise<PgBoss> {
  state.sender ??= (async () => {
    const boss = new PgBoss({
      connectionString: env().DATABASE_URL,
      schema: JOB_SCHEMA,
      max: 2,
      supervise: false,
      schedule: false,
      migrate: false,
      application_name: "liftoff-jobs-sender",
    });
    boss.on("error", (error) => console.error("[jobs] sender", error));
    await boss.start();
    return boss;
  })().catch((error) => {
    state.sender = undefined; // try again on the next enqueue
    throw error;
  });
  return state.sender;
}

/** Closes this process's sender: for a script that enqueued (seeding, say) before it stops its database. */
export async function stopSender() {
  const started = state.sender;
  state.sender = undefined;
  const boss = await started?.catch(() => undefined);
  await boss?.stop({ graceful: false, close: true });
}

/** Enqueues a job inside `tx`: it exists once the transaction commits and never if it rolls back. */
export async function enqueue<T extends object>(tx: Tx, queue: QueueName, data: T, options: Omit<SendOptions, "db"> = {}) {
  const boss = await sender();
  return boss.send(queue, data, { ...options, db: fromPrisma(tx) });
}

/** Enqueues outside any transaction (a worker scheduling follow-up work, a resend by hand). */
export async function enqueueNow<T extends object>(queue: QueueName, data: T, options: Omit<SendOptions, "db"> = {}) {
  const boss = await sender();
  return boss.send(queue, data, options);
}

/** Cancels jobs by id (a reminder whose window moved). Unknown or finished ids are ignored. */
export async function cancelJobs(queue: QueueName, ids: string[]) {
  if (ids.length === 0) return;
  const boss = await sender();
  await boss.cancel(queue, ids);
}

export type Workers = Partial<Record<QueueName, { handler: WorkHandler<object>; batchSize?: number; pollingIntervalSeconds?: number }>>;

/**
 * Starts this process's workers. Called once by the server entry points (scripts/serve.ts and the dev
 * server); tests start the workers they exercise. Returns a stop function that lets running jobs finish.
 */
export async function startWorkers(connectionString: string, workers: Workers): Promise<() => Promise<void>> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 4, migrate: false, application_name: "liftoff-jobs" });
  boss.on("error", (error) => console.error("[jobs] worker", error));
  await boss.start();
  for (const [queue, worker] of Object.entries(workers)) {
    if (!worker) continue;
    await boss.work(queue, { batchSize: worker.batchSize ?? 1, pollingIntervalSeconds: worker.pollingIntervalSeconds ?? 1 }, worker.handler);
  }
  return () => boss.stop({ graceful: true, timeout: 10_000, close: true });
}
