import { describe, expect, it } from "vitest";
import { wallClockToInstant } from "@/lib/windows/wall-clock";
import { compileRunbook } from "./graph";
import { plan, planCompiled } from "./plan";
import type { Dependency, Task } from "./types";

const T0 = new Date("2027-06-12T00:00:00Z").getTime();
const at = (min: number) => new Date(T0 + min * 60_000);
const task = (id: string, durationMin: number, extra: Partial<Task> = {}): Task => ({ id, title: id, stream: "App", durationMin, ...extra });
const fs = (from: string, to: string, lagMin = 0): Dependency => ({ from, to, type: "FS", lagMin });
const byId = <T extends { id: string }>(list: T[]) => Object.fromEntries(list.map((x) => [x.id, x]));

// The example: A(30) -> B(60) -> C(30), D(20) -> C, in a 3-hour window.
const deps = [fs("A", "B"), fs("B", "C"), fs("D", "C")];
const window = { start: at(0), end: at(180) };

describe("plan: the issue's example", () => {
  it("forward and backward passes, float and the critical path", () => {
    const p = plan([task("A", 30), task("B", 60), task("C", 30), task("D", 20)], deps, window);
    const t = byId(p.tasks);
    expect([t.A.plannedStart, t.A.plannedEnd, t.B.plannedEnd, t.D.plannedEnd, t.C.plannedStart, t.C.plannedEnd]).toEqual([at(0), at(30), at(90), at(20), at(90), at(120)]);
    expect([t.C.lateStart, t.B.lateStart, t.A.lateStart, t.D.lateStart, t.D.lateFinish]).toEqual([at(150), at(90), at(60), at(130), at(150)]);
    expect(p.tasks.map((x) => [x.id, x.totalFloatMin, x.critical])).toEqual([["A", 60, true], ["B", 60, true], ["C", 60, true], ["D", 130, false]]);
    expect(p.criticalPath).toEqual(["A", "B", "C"]);
    expect([p.plannedEnd, p.slackMin]).toEqual([at(120), 60]);
  });

  it("A finishes 40 minutes late: B and C move +40, C shows 40 inherited and 0 own, D's float unchanged", () => {
    const before = plan([task("A", 30), task("B", 60), task("C", 30), task("D", 20)], deps, window);
    const tasks = [
      task("A", 30, { actualStart: at(0), actualEnd: at(70) }),
      task("B", 60),
      task("C", 30),
      task("D", 20, { actualStart: at(0), actualEnd: at(20) }),
    ];
    const live = plan(tasks, deps, window, at(70)).live!;
    const t = byId(live.tasks);
    expect([t.B.forecastStart, t.B.forecastEnd, t.C.forecastStart, t.C.forecastEnd]).toEqual([at(30 + 40), at(90 + 40), at(90 + 40), at(120 + 40)]);
    expect([t.C.delayMin, t.C.inheritedDelayMin, t.C.ownDelayMin]).toEqual([40, 40, 0]);
    expect([t.B.delayMin, t.B.inheritedDelayMin, t.B.ownDelayMin]).toEqual([40, 40, 0]);
    expect([t.A.delayMin, t.A.inheritedDelayMin, t.A.ownDelayMin]).toEqual([40, 0, 40]);
    expect(t.D.floatMin).toBe(byId(before.tasks).D.totalFloatMin);
    expect(t.D.delayMin).toBe(0);
    expect(live.late.map((x) => x.id)).toEqual(["A", "B", "C"]);
    expect([live.forecastEnd, live.slackMin, live.criticalPath]).toEqual([at(160), 20, ["A", "B", "C"]]);
  });

  it("a running task ends at max(start + duration, now); the overrun is its own delay", () => {
    const tasks = [
      task("A", 30, { actualStart: at(0), actualEnd: at(70) }),
      task("B", 60, { actualStart: at(70) }),
      task("C", 30),
      task("D", 20, { actualStart: at(0), actualEnd: at(20) }),
    ];
    const onTime = byId(plan(tasks, deps, window, at(100)).live!.tasks);
    expect([onTime.B.state, onTime.B.forecastEnd, onTime.C.forecastStart]).toEqual(["running", at(130), at(130)]);
    const over = byId(plan(tasks, deps, window, at(140)).live!.tasks);
    expect([over.B.forecastEnd, over.B.inheritedDelayMin, over.B.ownDelayMin]).toEqual([at(140), 40, 10]);
    expect([over.C.forecastStart, over.C.inheritedDelayMin, over.C.ownDelayMin]).toEqual([at(140), 50, 0]);
  });

  it("a not-started task never starts in the past; not starting it is its own delay", () => {
    const tasks = [task("A", 30), task("B", 60), task("C", 30), task("D", 20)];
    const t = byId(plan(tasks, deps, window, at(25)).live!.tasks);
    expect([t.A.forecastStart, t.D.forecastStart, t.B.forecastStart]).toEqual([at(25), at(25), at(55)]);
    expect([t.D.ownDelayMin, t.B.inheritedDelayMin, t.B.ownDelayMin]).toEqual([25, 25, 0]);
  });

  it("fixed starts, SS links with lag and skipped tasks", () => {
    const tasks = [task("A", 30), task("B", 60, { fixedStart: at(45) }), task("C", 30), task("S", 40, { skipped: true })];
    const links: Dependency[] = [{ from: "A", to: "B", type: "SS", lagMin: 10 }, fs("B", "C", 5), fs("S", "C")];
    const t = byId(plan(tasks, links, window).tasks);
    expect([t.B.plannedStart, t.C.plannedStart, t.S.plannedEnd]).toEqual([at(45), at(110), at(0)]);
    const live = byId(plan(tasks, links, window, at(0)).live!.tasks);
    expect([live.S.state, live.S.forecastEnd, live.B.forecastStart]).toEqual(["skipped", at(0), at(45)]);
  });

  it("planCompiled with a newer progress array gives what plan() gives for those tasks", () => {
    const tasks = [task("A", 30), task("B", 60), task("C", 30), task("D", 20)];
    const g = compileRunbook(tasks, deps);
    expect(planCompiled(g, window, at(0)).live!.forecastEnd).toEqual(at(120));
    const progress = tasks.with(0, { ...tasks[0], actualStart: at(0), actualEnd: at(70) });
    expect(planCompiled(g, window, at(70), progress)).toEqual(plan(progress, deps, window, at(70)));
    expect(() => planCompiled(g, window, at(70), progress.slice(1))).toThrow("Progress must list the compiled tasks in the same order.");
  });

  it("refuses a window that ends before it starts", () => {
    expect(() => plan([], [], { start: at(10), end: at(0) })).toThrow("The window must end after it starts.");
  });
});

describe("plan: windows across a daylight-saving change last their real length (Europe/London)", () => {
  const tasks = [task("A", 100), task("B", 100)];
  const chain = [fs("A", "B")];

  it("00:00-04:00 on 28 Mar 2027 lasts 3 hours: 200 minutes of work do not fit", () => {
    const w = { start: wallClockToInstant("2027-03-28T00:00", "Europe/London"), end: wallClockToInstant("2027-03-28T04:00", "Europe/London") };
    const p = plan(tasks, chain, w);
    expect(p.plannedEnd).toEqual(new Date("2027-03-28T03:20:00Z")); // 04:20 BST
    expect(p.slackMin).toBe(180 - 200);
    expect(byId(p.tasks).A.totalFloatMin).toBe(-20);
  });

  it("00:00-04:00 on 31 Oct 2027 lasts 5 hours: 100 minutes of slack", () => {
    const w = { start: wallClockToInstant("2027-10-31T00:00", "Europe/London"), end: wallClockToInstant("2027-10-31T04:00", "Europe/London") };
    const p = plan(tasks, chain, w);
    expect(p.plannedEnd).toEqual(new Date("2027-10-31T02:20:00Z")); // 02:20 GMT
    expect(p.slackMin).toBe(300 - 200);
  });
});
