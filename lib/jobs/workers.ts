import "server-only";
import { startWorkers, type Workers } from "./boss";
import { dispatcher } from "./dispatch";
import { pruneHandler } from "./prune";
import { REACTORS } from "./reactors";
import { digestHandler } from "@/lib/notifications/digest";
import { reminderHandler } from "@/lib/notifications/reminder";
import { mailSendHandler } from "@/lib/notifications/send";
import { deliverWebhooks } from "@/lib/webhooks/deliver";

// The workers a server process runs (scripts/serve.ts, the dev server). Each queue's handler lives with
// its capability; this is the one list of them.
export function serverWorkers(): Workers {
  return {
    "events.dispatch": { handler: dispatcher(REACTORS), batchSize: 20 },
    "mail.send": { handler: mailSendHandler(), batchSize: 5 },
    "notify.reminder": { handler: reminderHandler },
    "notify.digest": { handler: digestHandler },
    "webhook.deliver": { handler: deliverWebhooks, batchSize: 5 },
    "maintenance.prune": { handler: pruneHandler, pollingIntervalSeconds: 60 },
  };
}

/** Starts the server's workers unless LIFTOFF_JOBS=off (a web-only instance beside a worker instance). */
export async function startServerWorkers(connectionString: string) {
  if (process.env.LIFTOFF_JOBS === "off") return async () => {};
  return startWorkers(connectionString, serverWorkers());
}
