import type { Job } from "pg-boss";
import { afterAll, describe, expect, it, vi } from "vitest";
import { assignItemAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { cancelWindowAction, moveWindowAction, scheduleWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { GET as unsubscribeGET, POST as unsubscribePOST } from "@/app/unsubscribe/route";
import { db } from "@/lib/db/client";
import { startWorkers } from "@/lib/jobs/boss";
import { dispatcher, type DispatchData } from "@/lib/jobs/dispatch";
import { notificationsReactor } from "./reactor";
import { serverWorkers } from "@/lib/jobs/workers";
import { runLaunchCommand } from "@/lib/server/command";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import type { ReceivedMail } from "@/lib/test/smtp";
import { createTestEnvironment, windowInput } from "@/lib/windows/test-helpers";
import { digestFor } from "./digest";
import { DIGEST_CRON } from "./kinds";
import { sendReminder, type ReminderData } from "./reminder";
import { mailSendHandler, sendNotification } from "./send";
import { signUnsubscribe, UNSUBSCRIBE_TTL_DAYS } from "./unsubscribe-token";

// Notifications end to end: commands -> outbox (events.dispatch) -> notifications reactor -> rows and
// mail.send jobs -> a real SMTP server on 127.0.0.1 -> mail parsed back. Handlers are driven directly
// (deterministic), and once through real pg-boss workers. lib/env.ts reads the environment once per module
// graph, so SMTP is configured before anything imports it.
const smtp = await vi.hoisted(async () => (await import("@/lib/test/smtp")).startTestMailer());
afterAll(() => smtp.close());

type Row = { id: string; data: Record<string, unknown> };
const asJobs = (rows: Row[], name: string) => rows.map((r) => ({ id: r.id, name, data: r.data })) as unknown as Job<object>[];
const complete = (ids: string[]) => db.$executeRaw`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE id::text = ANY(${ids})`;

/** Runs the dispatch jobs of `launchId` that no worker consumed (the outbox), as the dispatch worker would. */
async function dispatch(launchId: string) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT id::text AS id, data FROM pgboss.job WHERE name = 'events.dispatch' AND state = 'created' AND data->>'launchId' = ${launchId} ORDER BY created_on`;
  await dispatcher([notificationsReactor])(asJobs(rows, "events.dispatch"));
  await complete(rows.map((r) => r.id));
  return rows.map((r) => r.data as DispatchData);
}

/** Runs the queued mail.send jobs of `users`, as the mail worker would. */
async function sendMails(users: TestUser[], handler = mailSendHandler()) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT j.id::text AS id, j.data FROM pgboss.job j JOIN notification n ON n.id = j.data->>'notificationId'
    WHERE j.name = 'mail.send' AND j.state = 'created' AND n.user_id = ANY(${users.map((u) => u.id)}) ORDER BY j.created_on`;
  await handler(asJobs(rows, "mail.send"));
  await complete(rows.map((r) => r.id));
  return rows.length;
}

/** A raw header as sent (mailparser folds list-* headers into a structure). */
const header = (mail: ReceivedMail, name: string) => mail.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
const mailsTo = (user: TestUser) => smtp.received.filter((m) => m.to.includes(user.email.toLowerCase()));
const rowsOf = (user: TestUser) => db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });

async function launchWithItem(members: [TestUser, "ENGINEER" | "APPROVER" | "VIEWER"][]) {
  const manager = await createUser();
  const name = `Launch ${manager.id.slice(0, 6)}`;
  const launch = { ...(await createTestLaunch(manager, members, name)), name };
  const section = await db.checklistSection.create({ data: { launchId: launch.id, title: "Cutover", position: 0 } });
  const item = await db.checklistItem.create({ data: { launchId: launch.id, sectionId: section.id, title: "Freeze the DNS", position: 0 } });
  await dispatch(launch.id); // the launch's own creation
  return { manager, launch, section, item };
}

describe("immediate notifications", () => {
  it("'assigned to you' reaches the assignee and not the actor, with a signed unsubscribe link and RFC 8058 headers", async () => {
    const engineer = await createUser();
    const { manager, launch, item } = await launchWithItem([[engineer, "ENGINEER"]]);
    actAs(manager);
    const assigned = await assignItemAction({ launchId: launch.id, itemId: item.id, version: 1, ownerId: engineer.id });
    expect(assigned.ok).toBe(true);
    // The manager takes another item themself: nobody is told of their own change.
    const own = await db.checklistItem.create({ data: { launchId: launch.id, sectionId: item.sectionId, title: "Mine", position: 1 } });
    expect((await assignItemAction({ launchId: launch.id, itemId: own.id, version: 1, ownerId: manager.id })).ok).toBe(true);
    await dispatch(launch.id);
    expect(await sendMails([engineer, manager])).toBe(1);

    const mail = await smtp.waitForMail((m) => m.to.includes(engineer.email.toLowerCase()));
    expect(mail.subject).toBe(`[${launch.name}] “Freeze the DNS” was assigned to you`);
    expect(mail.text).toContain(`http://localhost:3000/launches/${launch.id}/checklist`);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(String(header(mail, "list-unsubscribe"))).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\?t=[\w.-]+>$/);
    expect(mailsTo(manager)).toHaveLength(0);
    expect(await rowsOf(manager)).toHaveLength(0);
    expect(await rowsOf(engineer)).toMatchObject([{ kind: "assigned", state: "SENT", messageId: expect.any(String), key: expect.stringMatching(/^assigned:/) }]);

    // A dispatch retried after a crash finds the row by its key and enqueues nothing more.
    await dispatcher([notificationsReactor])(asJobs([{ id: "retry", data: (await db.$queryRaw<Row[]>`
      SELECT id::text AS id, data FROM pgboss.job WHERE name = 'events.dispatch' AND data->>'launchId' = ${launch.id} ORDER BY created_on`)[0].data }], "events.dispatch"));
    expect(await sendMails([engineer])).toBe(0);
    expect(mailsTo(engineer)).toHaveLength(1);
  });

  it("never sends a notification whose change rolled back", async () => {
    const engineer = await createUser();
    const { manager, launch, item } = await launchWithItem([[engineer, "ENGINEER"]]);
    await expect(
      runLaunchCommand(manager.actor, launch.id, "checklist.assign", async ({ tx, emit }) => {
        await tx.checklistItem.update({ where: { id: item.id }, data: { ownerId: engineer.id } });
        emit({ type: "item.assigned", payload: { itemId: item.id, title: item.title, ownerId: engineer.id, ownerName: engineer.name } });
        throw new Error("boom after the event");
      }),
    ).rejects.toThrow("boom");
    expect(await dispatch(launch.id)).toEqual([]);
    expect(await sendMails([engineer])).toBe(0);
    expect(await rowsOf(engineer)).toEqual([]);
    expect(mailsTo(engineer)).toHaveLength(0);
  });

  it("does not send twice when the process dies between sending and acknowledging", async () => {
    const engineer = await createUser();
    const { manager, launch, item } = await launchWithItem([[engineer, "ENGINEER"]]);
    actAs(manager);
    expect((await assignItemAction({ launchId: launch.id, itemId: item.id, version: 1, ownerId: engineer.id })).ok).toBe(true);
    await dispatch(launch.id);
    const [row] = await rowsOf(engineer);
    // The SMTP server accepted the mail, then the handler dies before recording it: pg-boss retries the job.
    const crash = () => {
      throw new Error("killed after send");
    };
    await expect(sendNotification(row.id, { afterSend: crash })).rejects.toThrow("killed after send");
    await smtp.waitForMail((m) => m.to.includes(engineer.email.toLowerCase()));
    expect(await sendNotification(row.id)).toBe("already");
    expect(await sendNotification(row.id)).toBe("already");
    expect(mailsTo(engineer)).toHaveLength(1);
  });
});

describe("the daily digest", () => {
  it("is scheduled (every 15 minutes, UTC; each user at their own hour) when the queues are installed", async () => {
    const rows = await db.$queryRaw<{ cron: string; timezone: string }[]>`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'notify.digest'`;
    expect(rows).toEqual([{ cron: DIGEST_CRON, timezone: "UTC" }]);
  });

  it("collects a digest user's notifications and sends one mail listing them, once", async () => {
    const engineer = await createUser();
    const { manager, launch, item, section } = await launchWithItem([[engineer, "ENGINEER"]]);
    await db.notificationPreference.create({ data: { userId: engineer.id, kind: "all", mode: "DIGEST" } });
    const second = await db.checklistItem.create({ data: { launchId: launch.id, sectionId: section.id, title: "Drain the queue", position: 1 } });
    actAs(manager);
    expect((await assignItemAction({ launchId: launch.id, itemId: item.id, version: 1, ownerId: engineer.id })).ok).toBe(true);
    expect((await assignItemAction({ launchId: launch.id, itemId: second.id, version: 1, ownerId: engineer.id })).ok).toBe(true);
    await dispatch(launch.id);
    expect(await sendMails([engineer])).toBe(0);
    expect((await rowsOf(engineer)).map((r) => r.state)).toEqual(["PENDING", "PENDING"]);

    expect(await digestFor(engineer.id)).toBe(true);
    expect(await digestFor(engineer.id)).toBe(false); // a retried digest job finds nothing pending
    expect(await sendMails([engineer])).toBe(1);
    const mail = await smtp.waitForMail((m) => m.to.includes(engineer.email.toLowerCase()));
    expect(mail.subject).toBe("Liftoff digest: 2 updates");
    expect(mail.text).toContain("“Freeze the DNS” was assigned to you");
    expect(mail.text).toContain("“Drain the queue” was assigned to you");
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mailsTo(engineer)).toHaveLength(1);
    const rows = await rowsOf(engineer);
    const digest = rows.find((r) => r.kind === "digest")!;
    expect(rows.filter((r) => r.kind === "assigned").every((r) => r.digestId === digest.id)).toBe(true);
  });
});

describe("the window-start reminder", () => {
  const reminders = (windowId: string) =>
    db.$queryRaw<{ id: string; state: string; data: ReminderData; start_after: Date; singleton_key: string | null }[]>`
      SELECT id::text AS id, state::text AS state, data, start_after, singleton_key FROM pgboss.job
      WHERE name = 'notify.reminder' AND data->>'windowId' = ${windowId} ORDER BY created_on`;

  it("is rescheduled when the window moves, cancelled when it is cancelled, and sent once", async () => {
    const engineer = await createUser();
    const { manager, launch } = await launchWithItem([[engineer, "ENGINEER"]]);
    const env = await createTestEnvironment("notify");
    actAs(manager);
    const created = await scheduleWindowAction(windowInput(launch.id, env.id));
    if (!created.ok) throw new Error(created.error);
    await dispatch(launch.id);
    const first = await reminders(created.data.id);
    expect(first).toMatchObject([{ state: "created", data: { windowId: created.data.id, startsAt: "2031-06-07T00:00:00.000Z" } }]);
    expect(first[0].start_after.toISOString()).toBe("2031-06-06T23:30:00.000Z");
    expect(first[0].singleton_key).toBe(`window-start:${created.data.id}:2031-06-07T00:00:00.000Z`);

    const moved = await moveWindowAction({ ...windowInput(launch.id, env.id, { start: "2031-06-08T01:00", end: "2031-06-08T05:00" }), windowId: created.data.id, version: 1 });
    if (!moved.ok) throw new Error(moved.error);
    await dispatch(launch.id);
    await dispatch(launch.id); // nothing new: no second job
    const after = await reminders(created.data.id);
    expect(after.map((j) => [j.state, j.data.startsAt])).toEqual([["cancelled", "2031-06-07T00:00:00.000Z"], ["created", "2031-06-08T00:00:00.000Z"]]);

    // The old job, had it escaped cancellation, sends nothing: the window no longer starts then.
    const due = new Date("2031-06-07T23:30:00.000Z");
    expect(await sendReminder(first[0].data, due)).toBe(0);
    // The current one tells every member once, however often it runs.
    expect(await sendReminder(after[1].data, due)).toBe(2);
    expect(await sendReminder(after[1].data, due)).toBe(0);
    expect(await sendMails([engineer, manager])).toBe(2);
    const mail = await smtp.waitForMail((m) => m.to.includes(engineer.email.toLowerCase()) && m.subject.includes("starts in"));
    expect(mail.subject).toBe(`[${launch.name}] Window on ${env.name} starts in 30 min`);
    expect(mail.text).toContain("Sun 8 Jun 2031, 01:00 BST");
    expect(mailsTo(engineer)).toHaveLength(1);
    expect(mailsTo(manager)).toHaveLength(1);

    const cancelled = await cancelWindowAction({ launchId: launch.id, windowId: created.data.id, version: 2, reason: "Vendor slipped" });
    if (!cancelled.ok) throw new Error(cancelled.error);
    await dispatch(launch.id);
    expect((await reminders(created.data.id)).map((j) => j.state)).toEqual(["cancelled", "cancelled"]);
  });
});

describe("unsubscribe without signing in", () => {
  it("turns the kind off from the mail's link, after which that kind is not sent; refuses forged and broken tokens", async () => {
    const engineer = await createUser();
    const { manager, launch, item, section } = await launchWithItem([[engineer, "ENGINEER"]]);
    actAs(manager);
    expect((await assignItemAction({ launchId: launch.id, itemId: item.id, version: 1, ownerId: engineer.id })).ok).toBe(true);
    await dispatch(launch.id);
    await sendMails([engineer]);
    const mail = await smtp.waitForMail((m) => m.to.includes(engineer.email.toLowerCase()));
    const link = String(header(mail, "list-unsubscribe")).slice(1, -1);
    expect(mail.text).toContain(link);

    actAs(null); // no session at all
    const shown = await unsubscribeGET(new Request(link));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("Stop “Assigned to you” mail?");
    expect(await db.notificationPreference.count({ where: { userId: engineer.id } })).toBe(0); // a GET changes nothing

    const token = new URL(link).searchParams.get("t")!;
    const [body, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ u: manager.id, k: "all", e: 9_999_999_999 })).toString("base64url")}.${sig}`;
    for (const bad of [forged, `${body}.${"A".repeat(sig.length)}`, "x".repeat(5000), "", "%00"]) {
      const res = await unsubscribePOST(new Request(`http://localhost:3000/unsubscribe?t=${encodeURIComponent(bad)}`, { method: "POST" }));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("not valid");
    }
    expect(await db.notificationPreference.count({ where: { userId: { in: [engineer.id, manager.id] } } })).toBe(0);

    const broken = await unsubscribeGET(new Request("http://localhost:3000/unsubscribe?t=nonsense"));
    expect(broken.status).toBe(400);
    const expired = signUnsubscribe(process.env.BETTER_AUTH_SECRET!, engineer.id, "assigned", new Date(Date.now() - (UNSUBSCRIBE_TTL_DAYS + 1) * 86_400_000));
    const late = await unsubscribePOST(new Request(`http://localhost:3000/unsubscribe?t=${expired}`, { method: "POST" }));
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("expired");
    expect(await db.notificationPreference.count({ where: { userId: engineer.id } })).toBe(0);

    // RFC 8058 one-click, as a mail client sends it.
    const res = await unsubscribePOST(new Request(link, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You are unsubscribed");
    expect(await db.notificationPreference.findMany({ where: { userId: engineer.id }, select: { kind: true, mode: true } })).toEqual([{ kind: "assigned", mode: "OFF" }]);

    const next = await db.checklistItem.create({ data: { launchId: launch.id, sectionId: section.id, title: "Another", position: 2 } });
    actAs(manager);
    expect((await assignItemAction({ launchId: launch.id, itemId: next.id, version: 1, ownerId: engineer.id })).ok).toBe(true);
    await dispatch(launch.id);
    expect(await sendMails([engineer])).toBe(0);
    expect((await rowsOf(engineer)).map((r) => r.state)).toEqual(["SENT", "SKIPPED"]);
    expect(mailsTo(engineer)).toHaveLength(1);
  });
});

describe("through real pg-boss workers", () => {
  it("a committed assignment reaches the assignee's inbox with the server's workers running", async () => {
    const engineer = await createUser();
    const { manager, launch, item } = await launchWithItem([[engineer, "ENGINEER"]]);
    // Other files' commands left dispatch jobs nobody consumed; they are not this test's subject.
    await db.$executeRaw`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE name IN ('events.dispatch', 'mail.send') AND state IN ('created', 'retry')`;
    const stop = await startWorkers(process.env.DATABASE_URL!, serverWorkers());
    try {
      actAs(manager);
      expect((await assignItemAction({ launchId: launch.id, itemId: item.id, version: 1, ownerId: engineer.id })).ok).toBe(true);
      const mail = await smtp.waitForMail((m) => m.to.includes(engineer.email.toLowerCase()), 30_000);
      expect(mail.subject).toContain("“Freeze the DNS” was assigned to you");
    } finally {
      await stop();
    }
    expect(mailsTo(manager)).toHaveLength(0);
  });
});
