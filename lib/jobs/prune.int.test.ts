import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestLaunch, createUser, uid } from "@/lib/test/fixtures";
import { WEBHOOK_LOG_DAYS } from "@/lib/webhooks/retention";
import { pruneExpired } from "./prune";

// Retention against the real tables: what has outlived its time goes, in small batches; everything else
// (pending deliveries, live sessions, recent or locked throttles, fresh idempotency keys) stays.

const DAY = 24 * 60 * 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe("maintenance.prune", () => {
  it("deletes finished webhook deliveries older than the retention with their attempts, and keeps the rest", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const endpoint = await db.webhookEndpoint.create({
      data: { launchId: launch.id, url: "http://127.0.0.1:9/hook", eventTypes: ["*"], secret: "whsec_dGVzdA==" },
    });
    const delivery = (status: "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED", ageDays: number) =>
      db.webhookDelivery.create({
        data: {
          endpointId: endpoint.id,
          type: "test",
          body: "{}",
          status,
          updatedAt: ago(ageDays * DAY),
          attemptLog: { create: [{ number: 1, ms: 5, statusCode: 500 }] },
        },
      });
    const old = WEBHOOK_LOG_DAYS + 1;
    const kept = [await delivery("PENDING", old), await delivery("DELIVERED", WEBHOOK_LOG_DAYS - 1), await delivery("FAILED", 1)];
    const gone = [await delivery("DELIVERED", old), await delivery("FAILED", old), await delivery("CANCELLED", old), await delivery("DELIVERED", old + 300)];

    // A batch of 2 forces several statements for the four that go.
    const deleted = await pruneExpired(new Date(), 2);

    expect(deleted["webhook deliveries"]).toBe(4);
    const left = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { id: true } });
    expect(left.map((d) => d.id).sort()).toEqual(kept.map((d) => d.id).sort());
    expect(await db.webhookAttempt.count({ where: { deliveryId: { in: gone.map((d) => d.id) } } })).toBe(0);
    expect(await db.webhookAttempt.count({ where: { deliveryId: { in: kept.map((d) => d.id) } } })).toBe(3);
  });

  it("forgets stale sign-in throttles but not a locked account, ends expired sessions and verifications, and drops day-old idempotency keys", async () => {
    const user = await createUser();
    const key = () => `prune-${uid()}`;
    const [staleThrottle, lockedThrottle, recentThrottle] = [key(), key(), key()];
    await db.signInThrottle.createMany({
      data: [
        { key: staleThrottle, failures: 3, updatedAt: ago(2 * DAY) },
        { key: lockedThrottle, failures: 9, updatedAt: ago(2 * DAY), lockedUntil: new Date(Date.now() + 60_000) },
        { key: recentThrottle, failures: 3, updatedAt: ago(60_000) },
      ],
    });
    const session = (expiresAt: Date) => db.session.create({ data: { id: key(), token: key(), userId: user.id, expiresAt } });
    const expiredSession = await session(ago(1000));
    const liveSession = await session(new Date(Date.now() + DAY));
    const verification = (expiresAt: Date) => db.verification.create({ data: { id: key(), identifier: key(), value: "v", expiresAt } });
    const expiredCode = await verification(ago(1000));
    const liveCode = await verification(new Date(Date.now() + 60_000));
    const token = await db.apiToken.create({ data: { name: "prune", userId: user.id, tokenHash: key(), prefix: "lft_prune", scopes: [] } });
    await db.apiIdempotency.createMany({
      data: [
        { tokenId: token.id, key: "old", requestHash: "h", status: 200, body: "{}", createdAt: ago(DAY + 60_000) },
        { tokenId: token.id, key: "fresh", requestHash: "h", status: 200, body: "{}", createdAt: ago(60_000) },
      ],
    });

    await pruneExpired();

    expect((await db.signInThrottle.findMany({ where: { key: { in: [staleThrottle, lockedThrottle, recentThrottle] } } })).map((t) => t.key).sort()).toEqual(
      [lockedThrottle, recentThrottle].sort(),
    );
    expect(await db.session.findUnique({ where: { id: expiredSession.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: liveSession.id } })).not.toBeNull();
    expect(await db.verification.findUnique({ where: { id: expiredCode.id } })).toBeNull();
    expect(await db.verification.findUnique({ where: { id: liveCode.id } })).not.toBeNull();
    expect((await db.apiIdempotency.findMany({ where: { tokenId: token.id } })).map((r) => r.key)).toEqual(["fresh"]);
  });

  it("is scheduled daily at migration time", async () => {
    const rows = await db.$queryRaw<{ cron: string }[]>`SELECT cron FROM pgboss.schedule WHERE name = 'maintenance.prune'`;
    expect(rows).toEqual([{ cron: "17 3 * * *" }]);
  });
});
