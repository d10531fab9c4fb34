import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { scheduleWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser } from "@/lib/test/fixtures";
import { clashError } from "./occupancy";
import { createTestEnvironment, windowInput, windowsOn } from "./test-helpers";

// Issue 10: two windows in year 9999 on an environment with a weekly freeze once blocked the server for
// 119 s (the free-slot search expanded the freeze day by day from now to 9999). Every answer below must
// come promptly, and the event loop must never stall while the worst inputs are processed.

const MAX_DELAY_MS = 200;
const HOUR = 3_600_000;

/**
 * Runs `work` (a repeatable refusal) three times and keeps the calmest run: a stall the code causes
 * shows in every run, a moment the shared machine descheduled the process rarely in all three.
 */
async function calmest<T>(work: () => Promise<T>): Promise<{ result: T; maxDelayMs: number; ms: number }> {
  let best = await measured(work);
  for (let i = 0; i < 2; i++) {
    const next = await measured(work);
    if (next.maxDelayMs < best.maxDelayMs) best = next;
  }
  return best;
}

async function measured<T>(work: () => Promise<T>): Promise<{ result: T; maxDelayMs: number; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  try {
    const result = await work();
    return { result, maxDelayMs: histogram.max / 1e6, ms: performance.now() - started };
  } finally {
    histogram.disable();
  }
}

/**
 * The event-loop delay of `count` concurrent trivial requests (an unknown launch: session, one query,
 * NOT_FOUND) on this machine right now. On a shared, overloaded machine the request path itself and the
 * descheduled process show some delay that is not the worst inputs' doing; the budget is MAX_DELAY_MS
 * on top of it (a few ms on an idle machine). The 119 s stall of issue 10 exceeds it by orders of magnitude.
 */
async function baselineMs(count: number): Promise<number> {
  const input = windowInput("no-such-launch", "no-such-env", { start: "2031-06-07T01:00", end: "2031-06-07T03:00" });
  const { result, maxDelayMs } = await measured(() => Promise.all(Array.from({ length: count }, () => scheduleWindowAction(input))));
  for (const r of result) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
  return maxDelayMs;
}

async function expectNoStall(maxDelayMs: number, baseline: number, what: string) {
  console.info(`[event-loop] ${what}: max delay ${maxDelayMs.toFixed(0)} ms (trivial requests on this machine now: ${baseline.toFixed(0)} ms)`);
  expect(maxDelayMs).toBeLessThan(MAX_DELAY_MS + baseline);
}

/** The delay an idle second shows: the machine's own noise, for work that makes no request. */
async function idleMs(): Promise<number> {
  const { maxDelayMs } = await measured(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
  return maxDelayMs;
}

async function worstCaseEnvironment(firstStart: Date, count: number) {
  const env = await createTestEnvironment("worst");
  const manager = await createUser();
  const other = await createTestLaunch(manager, [], "Other team's launch");
  await db.freeze.create({
    data: { environmentId: env.id, kind: "WEEKLY", reason: "Business hours", weekdays: [1, 2, 3, 4, 5], startTime: "08:00", endTime: "18:00", timeZone: "Europe/Berlin" },
  });
  // Back-to-back scheduled windows: every candidate among them clashes and the search must walk past all.
  await db.deploymentWindow.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      launchId: other.id,
      environmentId: env.id,
      startsAt: new Date(firstStart.getTime() + i * 4 * HOUR),
      endsAt: new Date(firstStart.getTime() + (i + 1) * 4 * HOUR),
      timeZone: "UTC",
      status: "SCHEDULED" as const,
    })),
  });
  return env;
}

describe("no request holds the event loop", () => {
  it("refuses year-9999 windows at once, on an environment with a weekly freeze and 50 clashing windows", async () => {
    const env = await worstCaseEnvironment(new Date("9999-06-01T00:00:00Z"), 50);
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    actAs(manager);
    // Warm-up outside the measurement: first-call module and JIT work is not what this test is about.
    await scheduleWindowAction(windowInput(launch.id, env.id, { start: "9999-06-07T01:00", end: "9999-06-07T05:00" }));
    const { result, maxDelayMs, ms } = await calmest(() =>
      Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          scheduleWindowAction(windowInput(launch.id, env.id, { start: `9999-06-0${i + 1}T01:00`, end: `9999-06-0${i + 1}T05:00` })),
        ),
      ),
    );
    for (const r of result) {
      expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { end: [expect.stringMatching(/^A window must end within 5 years from now/)] } });
    }
    expect(await windowsOn(env.id)).toHaveLength(50);
    await expectNoStall(maxDelayMs, await baselineMs(5), "5 year-9999 requests");
    expect(ms).toBeLessThan(10_000);
  });

  it("bounds the clash search and freeze expansion even for dates past any horizon", async () => {
    const env = await worstCaseEnvironment(new Date("9999-06-01T00:00:00Z"), 50);
    const outsider = await createUser();
    const { result, maxDelayMs } = await calmest(async () => {
      const answers = [];
      for (let i = 0; i < 50; i++) {
        const start = new Date(Date.UTC(9999, 5, 1, i * 4 + 1));
        answers.push(await clashError(db, { environmentId: env.id, start, end: new Date(start.getTime() + 2 * HOUR) }, "UTC", outsider.actor));
      }
      return answers;
    });
    for (const clash of result) {
      expect(clash?.code).toBe("CONFLICT");
      // An outsider learns the busy range only, not the other launch.
      expect(clash?.message).toMatch(/^Clashes with another launch's window on /);
      expect(clash?.message).not.toContain("Other team");
      expect(clash?.current).toMatchObject({ clashWindowId: null });
    }
    // After 50 back-to-back windows (to Wed 9 Jun 08:00 UTC) the weekday freeze (06:00-16:00 UTC in summer) is skipped too.
    expect(result[0]?.current?.suggestion).toBe("9999-06-09T16:00:00.000Z");
    await expectNoStall(maxDelayMs, await idleMs(), "50 clash searches in year 9999");
  });

  it("answers 20 concurrent clashing requests inside the horizon promptly, each with the clash message", async () => {
    const firstStart = new Date(Date.now() + 30 * 24 * HOUR);
    firstStart.setUTCHours(0, 0, 0, 0);
    const env = await worstCaseEnvironment(firstStart, 50);
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    actAs(manager);
    const iso = (d: Date) => d.toISOString().slice(0, 16);
    await scheduleWindowAction(windowInput(launch.id, env.id, { start: iso(firstStart), end: iso(new Date(firstStart.getTime() + HOUR)), timeZone: "UTC" }));
    const { result, maxDelayMs } = await calmest(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const start = new Date(firstStart.getTime() + i * 4 * HOUR + HOUR);
          return scheduleWindowAction(windowInput(launch.id, env.id, { start: iso(start), end: iso(new Date(start.getTime() + 2 * HOUR)), timeZone: "UTC" }));
        }),
      ),
    );
    for (const r of result) expect(r).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/^Clashes with another launch's window on .*Next free slot/) });
    expect(await windowsOn(env.id)).toHaveLength(50);
    await expectNoStall(maxDelayMs, await baselineMs(20), "20 concurrent clashing requests");
  });
});
