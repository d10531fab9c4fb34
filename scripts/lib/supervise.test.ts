import { describe, expect, it } from "vitest";
import { Supervisor, restartDelay, type Running } from "./supervise";

/** A stand-in child that dies when told to. */
function fakeChild() {
  let die!: (how: string) => void;
  const exited = new Promise<string>((r) => (die = r));
  return { running: { exited, stop: async () => die("stopped") } satisfies Running, die };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe("Supervisor", () => {
  it("restarts a child that dies, and gives up after the fifth quick death in a row", async () => {
    const children: ReturnType<typeof fakeChild>[] = [];
    let gaveUp = "";
    const log: string[] = [];
    const s = new Supervisor({
      name: "the server",
      start: async () => {
        children.push(fakeChild());
        return children.at(-1)!.running;
      },
      onGiveUp: (reason) => (gaveUp = reason),
      baseDelayMs: 1,
      maxDelayMs: 4,
      log: (l) => log.push(l),
    });
    await s.start();
    for (let i = 1; i <= 4; i++) {
      children.at(-1)!.die("was killed (SIGKILL)");
      await until(() => children.length === i + 1);
    }
    expect(s.restarts).toBe(4);
    expect(log[0]).toMatch(/the server was killed \(SIGKILL\) after .* restarting in 1 ms \(failure 1 of 5\)/);
    children.at(-1)!.die("exited with code 1");
    await until(() => gaveUp !== "");
    expect(gaveUp).toMatch(/5 failures in a row/);
    expect(children).toHaveLength(5);
  });

  it("counts a failed restart as a failure and does not restart after stop()", async () => {
    let starts = 0;
    const first = fakeChild();
    let gaveUp = false;
    const s = new Supervisor({
      name: "PostgreSQL",
      start: async () => {
        if (++starts === 1) return first.running;
        throw new Error("port in use");
      },
      onGiveUp: () => (gaveUp = true),
      baseDelayMs: 1,
      maxDelayMs: 2,
      maxFastFailures: 3,
      log: () => {},
    });
    await s.start();
    first.die("was killed (SIGKILL)");
    await until(() => gaveUp);
    expect(starts).toBe(3);

    const again = fakeChild();
    let restarted = 0;
    const t = new Supervisor({ name: "x", start: async () => (restarted++, again.running), onGiveUp: () => {}, log: () => {} });
    await t.start();
    await t.stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(restarted).toBe(1);
  });

  it("backs off exponentially up to a ceiling", () => {
    expect([1, 2, 3, 4, 10].map((n) => restartDelay(n, 500, 10_000))).toEqual([500, 1000, 2000, 4000, 10_000]);
  });
});
