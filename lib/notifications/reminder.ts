import "server-only";
import type { Job } from "pg-boss";
import { db } from "@/lib/db/client";
import { cancelJobs, enqueueNow } from "@/lib/jobs/boss";
import { formatInZone } from "@/lib/time/format";
import { deliver } from "./deliver";
import { WINDOW_REMINDER_MINUTES } from "./kinds";
import { notificationKey, reminderRef } from "./rules";

// "Window starts in N minutes". One `notify.reminder` job per (window, start), due N minutes before the
// start. The notifications reactor calls syncReminder after every window event: a moved window's old job
// is cancelled and a new one enqueued; a cancelled or unscheduled window's job is cancelled. The job
// re-checks at run time that the window is still scheduled at the start it was made for, so a job that
// escaped cancellation sends nothing; each member's row key (window, start, user) makes it send once.

export type ReminderData = { windowId: string; startsAt: string };

type QueuedReminder = { id: string; startsAt: string | null };

async function queuedReminders(windowId: string): Promise<QueuedReminder[]> {
  return db.$queryRaw<QueuedReminder[]>`
    SELECT id::text AS id, data->>'startsAt' AS "startsAt" FROM pgboss.job
    WHERE name = 'notify.reminder' AND state IN ('created', 'retry') AND data->>'windowId' = ${windowId}`;
}

/** Makes the queued reminders of `windowId` match the window as it is now. */
export async function syncReminder(windowId: string, now = new Date()) {
  const w = await db.deploymentWindow.findUnique({ where: { id: windowId }, select: { status: true, startsAt: true } });
  const wanted = w && w.status === "SCHEDULED" && w.startsAt > now ? w.startsAt.toISOString() : null;
  const queued = await queuedReminders(windowId);
  await cancelJobs("notify.reminder", queued.filter((q) => q.startsAt !== wanted).map((q) => q.id));
  if (!wanted || queued.some((q) => q.startsAt === wanted)) return;
  const due = new Date(Math.max(now.getTime(), new Date(wanted).getTime() - WINDOW_REMINDER_MINUTES * 60_000));
  await enqueueNow<ReminderData>("notify.reminder", { windowId, startsAt: wanted }, { startAfter: due, singletonKey: reminderRef(windowId, new Date(wanted)) });
}

/** The job's body. Returns how many members were newly notified (0 for a stale job or a repeat). */
export async function sendReminder(data: ReminderData, now = new Date()): Promise<number> {
  const w = await db.deploymentWindow.findUnique({
    where: { id: data.windowId },
    select: { status: true, startsAt: true, timeZone: true, launchId: true, environment: { select: { name: true } }, launch: { select: { name: true, members: { select: { userId: true } } } } },
  });
  // Stale: the window moved, was cancelled or has begun since this job was made.
  if (!w || w.status !== "SCHEDULED" || w.startsAt.toISOString() !== data.startsAt || w.startsAt <= now) return 0;
  const minutes = Math.max(1, Math.round((w.startsAt.getTime() - now.getTime()) / 60_000));
  const ref = reminderRef(data.windowId, w.startsAt);
  const subject = `[${w.launch.name}] Window on ${w.environment.name} starts in ${minutes} min`;
  const text = `The deployment window of ${w.launch.name} on ${w.environment.name} starts at ${formatInZone(w.startsAt, w.timeZone, { zone: true })} (${w.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC), in ${minutes} minutes.`;
  return deliver(
    w.launch.members.map((m) => ({
      userId: m.userId,
      kind: "window_start" as const,
      key: notificationKey("window_start", m.userId, ref),
      launchId: w.launchId,
      subject,
      text,
      link: `/launches/${w.launchId}/windows`,
    })),
  );
}

export const reminderHandler = async (jobs: Job<object>[]) => {
  for (const job of jobs) await sendReminder(job.data as ReminderData);
};
