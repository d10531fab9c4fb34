import "server-only";
import { notificationsReactor } from "@/lib/notifications/reactor";
import type { Reactor } from "./dispatch";
import { webhookReactor } from "@/lib/webhooks/reactor";

// Every reactor to committed events, in the order they run. A capability that reacts to changes (mail
// notifications, outgoing webhooks) adds its reactor here; lib/jobs/workers.ts hands the list to the
// dispatch worker.
export const REACTORS: readonly Reactor[] = [notificationsReactor, webhookReactor];
