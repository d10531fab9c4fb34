import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addDependencyAction, addStreamAction, addTaskAction, adoptRehearsalDurationsAction, createRunbookAction, endRehearsalAction, failTaskAction,
  finishTaskAction, importRunbookCsvAction, pauseRunbookAction, recordRollbackDecisionAction, reopenTaskAction, resumeRunbookAction,
  setRunbookRequiredAction, startRehearsalAction, startTaskAction, updateTaskAction,
} from "@/app/(app)/launches/[launchId]/runbook/actions";
import { db } from "@/lib/db/client";
import { loadViewPart } from "@/lib/launches/view";
import { loadReadiness } from "@/lib/readiness/load";
import { actAs, createTestLaunch, createUser, eventsOf, uid, type TestUser } from "@/lib/test/fixtures";
import { buildPatch } from "@/lib/live/enrich";
import { fetchEventsAfter, maxEventId } from "@/lib/live/events";
import { mergeExecutions } from "@/lib/live/patch";
import { executeTask } from "./commands";
import { ponrOf } from "./from-dto";
import type { RunbookDto } from "./dto";

let manager: TestUser;
let engineer: TestUser;
let other: TestUser;
let approver: TestUser;
let viewer: TestUser;
let launchId: string;

beforeAll(async () => {
  manager = await createUser({ name: "Mia Manager" });
  engineer = await createUser({ name: "Eli Engineer" });
  other = await createUser({ name: "Oda Other" });
  approver = await createUser();
  viewer = await createUser();
});

beforeEach(async () => {
  launchId = (await createTestLaunch(manager, [[engineer, "ENGINEER"], [other, "ENGINEER"], [approver, "APPROVER"], [viewer, "VIEWER"]])).id;
});

const op = () => `op-${uid()}-${uid()}`;
const view = async () => (await loadViewPart(manager.actor, launchId, "runbook")) as RunbookDto;
function ok<T>(r: { ok: true; data: T } | { ok: false; error: string; code: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.error}`);
  return r.data;
}

async function scheduleWindow(startInMin: number, lengthMin: number) {
  const env = await db.environment.create({ data: { name: `runbook-env-${uid()}` } });
  const start = new Date(Date.now() + startInMin * 60_000);
  return db.deploymentWindow.create({
    data: { launchId, environmentId: env.id, startsAt: start, endsAt: new Date(start.getTime() + lengthMin * 60_000), timeZone: "Europe/London", status: "SCHEDULED" },
  });
}

/** A blank runbook with one stream and the given tasks (assigned to the engineer), chained A -> B -> C. */
async function runbookWith(titles: string[], extra: Partial<Parameters<typeof addTaskAction>[0]> = {}) {
  actAs(manager);
  ok(await createRunbookAction({ launchId, templateKey: "blank" }));
  const stream = ok(await addStreamAction({ launchId, name: "App" }));
  const ids: string[] = [];
  for (const title of titles) {
    ids.push(ok(await addTaskAction({ launchId, streamId: stream.id, title, durationMin: 30, assigneeIds: [engineer.id], ...extra })).id);
  }
  for (let i = 1; i < ids.length; i++) ok(await addDependencyAction({ launchId, fromId: ids[i - 1], toId: ids[i], type: "FS", lagMin: 0 }));
  const dto = await view();
  return { ids, runId: dto.currentRunId!, streamId: stream.id };
}

describe("structure", () => {
  it("a cycle is refused, naming the tasks that form it, and nothing is saved", async () => {
    const { ids } = await runbookWith(["Stop writers", "Back up", "Migrate"]);
    const refused = await addDependencyAction({ launchId, fromId: ids[2], toId: ids[0], type: "SS", lagMin: 0 });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    if (refused.ok) return;
    expect(refused.error).toMatch(/cycle/);
    for (const t of ["Stop writers", "Back up", "Migrate"]) expect(refused.error).toContain(t);
    expect((await view()).dependencies).toHaveLength(2);
  });

  it("a template creates a real runbook: streams, typed tasks and dependencies, with its rollback settings", async () => {
    actAs(manager);
    ok(await createRunbookAction({ launchId, templateKey: "database-migration" }));
    const dto = await view();
    expect(dto.streams.map((s) => s.name)).toEqual(["Comms", "App", "Database", "Validation"]);
    expect(dto.tasks.length).toBeGreaterThan(10);
    expect(dto.tasks.some((t) => t.type === "DECISION")).toBe(true);
    expect(dto.dependencies.some((d) => d.type === "SS" && d.lagMin === 30)).toBe(true);
    expect(dto.rollback).toMatchObject({ rollbackMin: 60, bufferMin: 20, effectiveRollbackMin: 60 });
    expect(await createRunbookAction({ launchId, templateKey: "blank" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("CSV import is all or nothing, with row and column in every error", async () => {
    actAs(manager);
    ok(await createRunbookAction({ launchId, templateKey: "blank" }));
    const bad = "key,stream,title,duration_min,predecessors,assignee_emails\nA,DB,Back up,30,,\nB,DB,Migrate,abc,A,\nC,App,Deploy,20,Z,\n";
    const refused = await importRunbookCsvAction({ launchId, csv: bad });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "row 3: duration_min": expect.anything(), "row 4: predecessors": expect.anything() } });
    expect((await view()).tasks).toHaveLength(0);
    const strangerMail = "key,stream,title,duration_min,assignee_emails\nA,DB,Back up,30,nobody@example.com\n";
    expect(await importRunbookCsvAction({ launchId, csv: strangerMail })).toMatchObject({ ok: false, code: "VALIDATION" });
    const good = `key,stream,title,type,duration_min,predecessors,assignee_emails\nA,DB,Back up,,30,,${engineer.email}\nB,DB,Check backup,validation,10,A:SS+5,\nC,App,Deploy,,20,B,\n`;
    expect(ok(await importRunbookCsvAction({ launchId, csv: good }))).toEqual({ tasks: 3, dependencies: 2 });
    const dto = await view();
    expect(dto.tasks.map((t) => [t.title, t.type, t.assignees.map((a) => a.userId)])).toEqual([
      ["Back up", "NORMAL", [engineer.id]], ["Check backup", "VALIDATION", []], ["Deploy", "NORMAL", []],
    ]);
    expect(dto.dependencies.find((d) => d.type === "SS")).toMatchObject({ lagMin: 5 });
  });

  it("a stale edit is a conflict that says what the task is now", async () => {
    const { ids, streamId } = await runbookWith(["Deploy"]);
    ok(await updateTaskAction({ launchId, taskId: ids[0], version: 1, streamId, title: "Deploy v2", durationMin: 45 }));
    const stale = await updateTaskAction({ launchId, taskId: ids[0], version: 1, streamId, title: "Deploy v3", durationMin: 10 });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("45 min") });
  });
});

describe("roles", () => {
  it("managers shape the runbook; assignees and managers run tasks; others are refused", async () => {
    const { ids, runId, streamId } = await runbookWith(["Deploy"]);
    for (const who of [engineer, approver, viewer]) {
      actAs(who);
      expect(await addTaskAction({ launchId, streamId, title: "Sneaky", durationMin: 5 }), who.name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await pauseRunbookAction({ launchId, opId: op(), message: "no" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    for (const who of [approver, viewer, other]) {
      actAs(who);
      expect(await startTaskAction({ launchId, runId, taskId: ids[0], opId: op() }), who.name).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    actAs(engineer);
    expect(ok(await startTaskAction({ launchId, runId, taskId: ids[0], opId: op() }))).toMatchObject({ status: "RUNNING", repeated: false });
    actAs(manager);
    expect(ok(await finishTaskAction({ launchId, runId, taskId: ids[0], opId: op() }))).toMatchObject({ status: "DONE" });
    // Engineers may run any task when the managers let them edit every item.
    await db.launch.update({ where: { id: launchId }, data: { engineersEditAll: true } });
    actAs(other);
    expect(ok(await reopenTaskAction({ launchId, runId, taskId: ids[0], opId: op(), reason: "Smoke test was red" }))).toMatchObject({ status: "RUNNING" });
  });
});

describe("execution", () => {
  it("a fixed-start task cannot start before its time; a manager overrides with a reason, audited", async () => {
    await scheduleWindow(-10, 240);
    const notBefore = new Date(Date.now() + 60 * 60_000).toISOString();
    const { ids, runId } = await runbookWith(["Flip DNS"], { fixedStart: notBefore });
    actAs(engineer);
    const early = await startTaskAction({ launchId, runId, taskId: ids[0], opId: op() });
    expect(early).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/may not start before .* (GMT|BST)/) });
    expect(await startTaskAction({ launchId, runId, taskId: ids[0], opId: op(), overrideReason: "Registrar ready early" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(manager);
    const started = ok(await startTaskAction({ launchId, runId, taskId: ids[0], opId: op(), overrideReason: "Registrar ready early" }));
    expect(started).toMatchObject({ status: "RUNNING", repeated: false });
    const task = (await view()).tasks[0];
    expect(task).toMatchObject({ status: "RUNNING", reason: "Registrar ready early", startedBy: { userId: manager.id } });
    const event = (await eventsOf(launchId)).find((e) => e.type === "runbook.task_started");
    expect(event?.payload).toMatchObject({ taskId: ids[0], override: "Registrar ready early" });
  });

  it("a task waits for its predecessors", async () => {
    const { ids, runId } = await runbookWith(["Back up", "Migrate"]);
    actAs(engineer);
    const refused = await startTaskAction({ launchId, runId, taskId: ids[1], opId: op() });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("waits for “Back up”") });
  });

  it("two people finishing one task at once, one of them retrying, make one action", async () => {
    const { ids, runId } = await runbookWith(["Deploy"]);
    actAs(engineer);
    ok(await startTaskAction({ launchId, runId, taskId: ids[0], opId: op() }));
    const engineerOp = op();
    const input = { launchId, runId, taskId: ids[0] };
    const results = await Promise.all([
      executeTask(manager.actor, "finish", { ...input, opId: op() }),
      executeTask(engineer.actor, "finish", { ...input, opId: engineerOp }),
      executeTask(engineer.actor, "finish", { ...input, opId: engineerOp }), // the retried tap
    ]);
    expect(results.every((r) => r.status === "DONE")).toBe(true);
    // Whichever of the two people got there first finished it; the other was told it was already done. The
    // retried tap is the same operation as the engineer's first: it gets that answer again, whichever it was.
    expect([results[0], results[1]].filter((r) => !r.repeated)).toHaveLength(1);
    expect(results[2]).toEqual(results[1]);
    const finished = (await eventsOf(launchId)).filter((e) => e.type === "runbook.task_finished");
    expect(finished).toHaveLength(1);
    expect(await db.runbookOperation.count({ where: { opId: engineerOp } })).toBe(1);
  });

  it("skip and fail need a reason; only validation tasks fail; a paused runbook starts nothing", async () => {
    const { ids, runId } = await runbookWith(["Deploy"]);
    actAs(engineer);
    expect(await failTaskAction({ launchId, runId, taskId: ids[0], opId: op(), reason: "Red" })).toMatchObject({ ok: false, code: "VALIDATION" });
    actAs(manager);
    ok(await pauseRunbookAction({ launchId, opId: op(), message: "Waiting for the vendor" }));
    actAs(engineer);
    const paused = await startTaskAction({ launchId, runId, taskId: ids[0], opId: op() });
    expect(paused).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("Waiting for the vendor") });
    actAs(manager);
    ok(await resumeRunbookAction({ launchId, opId: op(), message: "Vendor back" }));
    expect((await view()).runbook).toMatchObject({ paused: false, message: "Vendor back" });
  });
});

describe("rehearsals", () => {
  it("adopting a rehearsal's durations makes a new revision and leaves earlier runs unchanged", async () => {
    await scheduleWindow(24 * 60, 240);
    const { ids } = await runbookWith(["Back up", "Migrate"]);
    actAs(manager);
    const first = ok(await startRehearsalAction({ launchId, opId: op() }));
    actAs(engineer);
    for (const id of ids) {
      ok(await startTaskAction({ launchId, runId: first.runId, taskId: id, opId: op() }));
      ok(await finishTaskAction({ launchId, runId: first.runId, taskId: id, opId: op() }));
    }
    // The rehearsal took 42 and 55 minutes (the clock is the one thing a test cannot wait for).
    const t0 = Date.now() - 120 * 60_000;
    await db.runbookExecution.update({ where: { runId_taskId: { runId: first.runId, taskId: ids[0] } }, data: { actualStart: new Date(t0), actualEnd: new Date(t0 + 42 * 60_000) } });
    await db.runbookExecution.update({ where: { runId_taskId: { runId: first.runId, taskId: ids[1] } }, data: { actualStart: new Date(t0 + 42 * 60_000), actualEnd: new Date(t0 + 97 * 60_000) } });
    actAs(manager);
    expect(await adoptRehearsalDurationsAction({ launchId, runId: first.runId, opId: op() })).toMatchObject({ ok: false, code: "CONFLICT" });
    ok(await endRehearsalAction({ launchId, runId: first.runId, opId: op(), rollbackMeasuredMin: 25 }));
    const before = (await view()).runs.find((r) => r.id === first.runId)!;
    const adoptOp = op();
    expect(ok(await adoptRehearsalDurationsAction({ launchId, runId: first.runId, opId: adoptOp }))).toEqual({ revision: 2 });
    expect(ok(await adoptRehearsalDurationsAction({ launchId, runId: first.runId, opId: adoptOp }))).toEqual({ revision: 2 }); // retried: one adoption

    const dto = await view();
    expect(dto.runbook).toMatchObject({ revision: 2 });
    expect(dto.tasks.map((t) => t.durationMin)).toEqual([42, 55]);
    expect(dto.runs.find((r) => r.id === first.runId)).toEqual(before); // the earlier run keeps its plan and actuals
    expect(before.plannedMin).toEqual({ [ids[0]]: 30, [ids[1]]: 30 });
    expect(dto.rollback).toMatchObject({ measuredRollbackMin: 25, effectiveRollbackMin: 25 });
    // A later rehearsal runs against the adopted plan.
    const second = ok(await startRehearsalAction({ launchId, opId: op() }));
    const again = await view();
    expect(again.currentRunId).toBe(second.runId);
    expect(again.runs.find((r) => r.id === second.runId)).toMatchObject({ revision: 2, plannedMin: { [ids[0]]: 42, [ids[1]]: 55 } });
    expect(again.tasks.every((t) => t.status === "NOT_STARTED")).toBe(true);
    expect((await eventsOf(launchId)).filter((e) => e.type === "runbook.durations_adopted")).toHaveLength(1);
  });
});

describe("rollback decisions and readiness", () => {
  const forecast = { forecastEnd: null, slackMin: -12, pointOfNoReturn: null, rollbackFits: false, lateTasks: 2 };

  it("a roll-back decision is recorded with its forecast and moves the launch to ROLLED_BACK", async () => {
    await runbookWith(["Deploy"]);
    await db.launch.update({ where: { id: launchId }, data: { status: "IN_WINDOW" } });
    actAs(manager);
    const decided = ok(await recordRollbackDecisionAction({ launchId, opId: op(), trigger: "Payments 5xx at 8 %", evidence: "Grafana", links: ["https://grafana.example.com/d/1"], decision: "ROLL_BACK", approvedById: approver.id, forecast }));
    expect(decided.launchStatus).toBe("ROLLED_BACK");
    expect((await db.launch.findUniqueOrThrow({ where: { id: launchId } })).status).toBe("ROLLED_BACK");
    const [d] = (await view()).decisions;
    expect(d).toMatchObject({ decision: "ROLL_BACK", decidedBy: { userId: manager.id }, approvedBy: { userId: approver.id }, forecast });
    expect((await eventsOf(launchId)).map((e) => e.type)).toEqual(expect.arrayContaining(["runbook.rollback_decided", "launch.status_changed"]));
  });

  it("a runbook that overruns the window, or a required runbook that is missing, is a readiness reason", async () => {
    await scheduleWindow(24 * 60, 60);
    const codes = async () => (await loadReadiness(launchId)).dto.reasons.map((r) => r.code);
    expect(await codes()).not.toContain("NO_RUNBOOK");
    actAs(manager);
    ok(await setRunbookRequiredAction({ launchId, required: true }));
    expect(await codes()).toContain("NO_RUNBOOK");
    await runbookWith(["Back up", "Migrate", "Verify"]); // 90 minutes in a 60-minute window
    expect(await codes()).toEqual(expect.arrayContaining(["RUNBOOK_OVERRUNS"]));
    expect(await codes()).not.toContain("NO_RUNBOOK");
    const overview = (await loadViewPart(manager.actor, launchId, "overview")) as { runbook: { pointOfNoReturn: string | null; rollbackFits: boolean | null } | null };
    expect(overview.runbook).toMatchObject({ rollbackFits: false });
    expect(overview.runbook?.pointOfNoReturn).not.toBeNull();
  });
});

describe("live delta", () => {
  it("an execution batch carries only the changed executions, and merged into what a viewer holds equals the runbook read afresh", async () => {
    await scheduleWindow(-10, 240);
    const { ids, runId } = await runbookWith(["Stop writers", "Back up", "Migrate"]);
    // As the listener does: what the instance keeps between batches (the runbook read) goes to the next.
    let memo: Awaited<ReturnType<typeof buildPatch>>["runbookMemo"] = null;
    const batchAfter = async (run: () => Promise<unknown>) => {
      const cursor = await maxEventId(launchId);
      await run();
      const events = await fetchEventsAfter(launchId, cursor);
      const built = await buildPatch(launchId, events, null, memo);
      memo = built.runbookMemo;
      return built.full;
    };
    let held = await view();
    expect(held.runs.find((r) => r.id === runId)?.plannedMin).toEqual({});
    // The live run's first execution freezes its plan: that delta also carries the planned durations.
    const first = await batchAfter(() => executeTask(engineer.actor, "start", { launchId, runId, taskId: ids[0], opId: op() }));
    expect(first.runbook).toBeUndefined();
    expect(first.runbookExec).toEqual([{ runId, executions: [expect.objectContaining({ taskId: ids[0], status: "RUNNING" })], plannedMin: { [ids[0]]: 30, [ids[1]]: 30, [ids[2]]: 30 } }]);
    held = mergeExecutions(held, first.runbookExec!);
    expect(held).toEqual(await view());

    const steps: [Parameters<typeof executeTask>[1], number, string?][] = [["finish", 0], ["start", 1], ["skip", 1, "Backed up last night"], ["reopen", 1, "Skipped by mistake"], ["start", 1]];
    for (const [kind, index, reason] of steps) {
      const patch = await batchAfter(() => executeTask(kind === "start" ? engineer.actor : manager.actor, kind, { launchId, runId, taskId: ids[index], opId: op(), ...(reason ? { reason } : {}) }));
      expect(patch.runbook, kind).toBeUndefined();
      expect(patch.runbookExec, kind).toEqual([{ runId, executions: [expect.objectContaining({ taskId: ids[index] })] }]);
      expect(JSON.stringify(patch.runbookExec).length).toBeLessThan(600);
      held = mergeExecutions(held, patch.runbookExec!);
      const fresh = await view();
      expect(held, kind).toEqual(fresh);
      // The overview's forecast against the point of no return, computed once per batch from what the
      // instance kept, is the one computed from the runbook read afresh; nothing else of the overview.
      expect(patch.overview, kind).toBeUndefined();
      expect(patch.readiness, kind).toBeUndefined();
      expect({ ...patch.ponr, computedAt: null }, kind).toEqual({ ...ponrOf(fresh, new Date(patch.ponr!.computedAt)), computedAt: null });
    }
  });
});
