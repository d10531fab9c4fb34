import type { Job } from "pg-boss";
import { afterAll, describe, expect, it, vi } from "vitest";
import { setDigestTimeAction } from "@/app/(app)/settings/notifications/actions";
import { db } from "@/lib/db/client";
import { actAs, createUser, type TestUser } from "@/lib/test/fixtures";
import { sendDigests } from "./digest";
import { DIGEST_CRON } from "./kinds";
import { mailSendHandler } from "./send";

// A user's digest goes out at their own local hour, and not before: the digest job's clock is injected
// (sendDigests(now)), the mail goes through a real SMTP server on 127.0.0.1 and is parsed back.
const smtp = await vi.hoisted(async () => (await import("@/lib/test/smtp")).startTestMailer());
afterAll(() => smtp.close());

type Row = { id: string; data: Record<string, unknown> };

/** Runs the queued mail.send jobs of `user`, as the mail worker would; returns how many. */
async function sendMails(user: TestUser) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT j.id::text AS id, j.data FROM pgboss.job j JOIN notification n ON n.id = j.data->>'notificationId'
    WHERE j.name = 'mail.send' AND j.state = 'created' AND n.user_id = ${user.id} ORDER BY j.created_on`;
  await mailSendHandler()(rows.map((r) => ({ id: r.id, name: "mail.send", data: r.data })) as unknown as Job<object>[]);
  await db.$executeRaw`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE id::text = ANY(${rows.map((r) => r.id)})`;
  return rows.length;
}

const mailsTo = (user: TestUser) => smtp.received.filter((m) => m.to.includes(user.email.toLowerCase()));
const digestsOf = (user: TestUser) => db.notification.count({ where: { userId: user.id, kind: "digest" } });

/** A notification waiting for `user`'s digest since `at`. */
async function pending(user: TestUser, subject: string, at: string) {
  await db.notification.create({
    data: { key: `test:${user.id}:${subject}`, userId: user.id, kind: "assigned", subject, text: subject, state: "PENDING", createdAt: new Date(at) },
  });
}

async function digestUser(hour: number, zone: string) {
  const user = await createUser();
  await db.notificationPreference.create({ data: { userId: user.id, kind: "all", mode: "DIGEST" } });
  actAs(user);
  const saved = await setDigestTimeAction({ digestHour: hour, digestTimeZone: zone });
  expect(saved).toMatchObject({ ok: true, data: { hour, timeZone: zone } });
  return user;
}

describe("the digest at the user's own hour", () => {
  it("is checked every 15 minutes by the installed schedule", async () => {
    const rows = await db.$queryRaw<{ cron: string; timezone: string }[]>`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'notify.digest'`;
    expect(rows).toEqual([{ cron: DIGEST_CRON, timezone: "UTC" }]);
    expect(DIGEST_CRON).toBe("*/15 * * * *");
  });

  it("goes out at 08:00 Europe/London in winter and in summer, never before", async () => {
    const user = await digestUser(8, "Europe/London");
    // Winter (GMT): 08:00 local is 08:00 UTC.
    await pending(user, "Winter item", "2026-01-14T17:00:00Z");
    await sendDigests(new Date("2026-01-15T07:45:00Z"));
    expect(await digestsOf(user)).toBe(0);
    await sendDigests(new Date("2026-01-15T08:00:00Z"));
    await sendDigests(new Date("2026-01-15T08:15:00Z")); // the next run finds nothing pending
    expect(await digestsOf(user)).toBe(1);
    expect(await sendMails(user)).toBe(1);
    const winter = await smtp.waitForMail((m) => m.to.includes(user.email.toLowerCase()) && m.text.includes("Winter item"));
    expect(winter.subject).toBe("Liftoff digest: 1 update");

    // Summer (BST): 08:00 local is 07:00 UTC; 06:45 UTC is still 07:45 local.
    await pending(user, "Summer item", "2026-07-14T17:00:00Z");
    await sendDigests(new Date("2026-07-15T06:45:00Z"));
    expect(await digestsOf(user)).toBe(1);
    await sendDigests(new Date("2026-07-15T07:00:00Z"));
    expect(await digestsOf(user)).toBe(2);
    expect(await sendMails(user)).toBe(1);
    await smtp.waitForMail((m) => m.to.includes(user.email.toLowerCase()) && m.text.includes("Summer item"));
    expect(mailsTo(user)).toHaveLength(2);
  });

  it("holds what arrives after today's hour for tomorrow's digest", async () => {
    const user = await digestUser(8, "Europe/London");
    await pending(user, "Late item", "2026-01-15T09:00:00Z");
    await sendDigests(new Date("2026-01-15T20:00:00Z"));
    await sendDigests(new Date("2026-01-16T07:45:00Z"));
    expect(await digestsOf(user)).toBe(0);
    await sendDigests(new Date("2026-01-16T08:00:00Z"));
    expect(await digestsOf(user)).toBe(1);
  });

  it("goes out once on a day its hour does not exist (02:00 New York, 2026-03-08)", async () => {
    const user = await digestUser(2, "America/New_York");
    await pending(user, "Before the jump", "2026-03-07T23:00:00Z");
    // 06:45 UTC is 01:45 EST; at 07:00 UTC the clock jumps to 03:00 EDT.
    await sendDigests(new Date("2026-03-08T06:45:00Z"));
    expect(await digestsOf(user)).toBe(0);
    await sendDigests(new Date("2026-03-08T07:00:00Z"));
    expect(await digestsOf(user)).toBe(1);
    await pending(user, "After the jump", "2026-03-08T07:05:00Z");
    for (const at of ["2026-03-08T07:15:00Z", "2026-03-08T12:00:00Z", "2026-03-09T05:45:00Z"]) await sendDigests(new Date(at));
    expect(await digestsOf(user)).toBe(1);
    await sendDigests(new Date("2026-03-09T06:00:00Z")); // 02:00 EDT the next day
    expect(await digestsOf(user)).toBe(2);
  });

  it("keeps 07:00 UTC for a user who never chose, and refuses an unknown zone or hour", async () => {
    const user = await createUser();
    await db.notificationPreference.create({ data: { userId: user.id, kind: "all", mode: "DIGEST" } });
    await pending(user, "Default item", "2026-05-01T03:00:00Z");
    await sendDigests(new Date("2026-05-01T06:45:00Z"));
    expect(await digestsOf(user)).toBe(0);
    await sendDigests(new Date("2026-05-01T07:00:00Z"));
    expect(await digestsOf(user)).toBe(1);

    actAs(user);
    expect(await setDigestTimeAction({ digestHour: 8, digestTimeZone: "Mars/Olympus" })).toMatchObject({ ok: false, fieldErrors: { digestTimeZone: [expect.any(String)] } });
    expect(await setDigestTimeAction({ digestHour: 24, digestTimeZone: "Europe/London" })).toMatchObject({ ok: false, fieldErrors: { digestHour: [expect.any(String)] } });
    // Typed names are stored canonical, as launch zones are.
    expect(await setDigestTimeAction({ digestHour: 9, digestTimeZone: "Asia/Calcutta" })).toMatchObject({ ok: true, data: { hour: 9, timeZone: "Asia/Kolkata" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { digestHour: true, digestTimeZone: true } })).toEqual({ digestHour: 9, digestTimeZone: "Asia/Kolkata" });
  });
});
