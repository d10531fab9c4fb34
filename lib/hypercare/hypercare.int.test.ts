import { beforeEach, describe, expect, it } from "vitest";
import {
  addCriterionAction, closeHypercareAction, noteIncidentAction, openIncidentAction, recordMetricAction, removeCriterionAction, signCriterionAction,
  updateIncidentAction,
} from "@/app/(app)/launches/[launchId]/hypercare/actions";
import { transitionLaunchAction } from "@/app/(app)/launches/[launchId]/go-no-go/actions";
import { db } from "@/lib/db/client";
import { loadViewPart } from "@/lib/launches/view";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { loadClosingReport } from "./report";
import type { HypercareDTO, IncidentDTO } from "./types";

let manager: TestUser;
let engineer: TestUser;
let approver: TestUser;
let viewer: TestUser;
let launchId: string;

beforeEach(async () => {
  manager = await createUser({ name: "Mia Manager" });
  engineer = await createUser({ name: "Eli Engineer" });
  approver = await createUser();
  viewer = await createUser();
  launchId = (await createTestLaunch(manager, [[engineer, "ENGINEER"], [approver, "APPROVER"], [viewer, "VIEWER"]])).id;
  // The cutover is done: the launch is live (the moves before it are covered by the go/no-go tests).
  await db.launch.update({ where: { id: launchId }, data: { status: "LIVE" } });
});

const view = async () => (await loadViewPart(manager.actor, launchId, "hypercare")) as HypercareDTO;

async function enterHypercare() {
  actAs(manager);
  const moved = await transitionLaunchAction({ launchId, to: "HYPERCARE" });
  expect(moved).toMatchObject({ ok: true });
}

async function openSev1(): Promise<IncidentDTO> {
  actAs(engineer);
  const opened = await openIncidentAction({ launchId, title: "Payments time out", severity: 1, releaseRelated: true, rollbackTrigger: true, ownerId: engineer.id, note: "p99 at 12 s" });
  if (!opened.ok) throw new Error(opened.error);
  return opened.data;
}

/** Backdates hypercare's start, as if it had run for `days` (the clock is the only thing tests cannot wait for). */
const ranFor = (days: number) => db.hypercare.update({ where: { launchId }, data: { startedAt: new Date(Date.now() - days * 86_400_000) } });

describe("entering hypercare", () => {
  it("LIVE -> HYPERCARE creates the record with a 14-day planned end and the default criteria, with its event", async () => {
    await enterHypercare();
    const v = await view();
    expect(v.status).toBe("HYPERCARE");
    const days = (Date.parse(v.hypercare!.plannedEndAt) - Date.parse(v.hypercare!.startedAt)) / 86_400_000;
    expect(days).toBe(14);
    expect(v.criteria.map((c) => c.kind)).toEqual(["NO_SEV1", "METRIC", "SIGNED"]);
    expect((await eventsOf(launchId)).map((e) => e.type)).toEqual(expect.arrayContaining(["hypercare.started", "launch.status_changed"]));
  });
});

describe("the exit gate", () => {
  it("refuses HYPERCARE -> CLOSED while a Sev 1 is open, and closes with a manager's override, audited", async () => {
    await enterHypercare();
    const incident = await openSev1();
    expect(incident).toMatchObject({ number: 1, severity: 1, state: "INVESTIGATING", ownerName: "Eli Engineer", rollbackTrigger: true });
    expect(incident.notes[0]).toMatchObject({ body: "p99 at 12 s", toState: "INVESTIGATING", authorName: "Eli Engineer" });

    actAs(manager);
    const plain = await transitionLaunchAction({ launchId, to: "CLOSED" });
    expect(plain).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(plain.ok ? "" : plain.error).toContain("Sev 1 #1");
    const noReason = await closeHypercareAction({ launchId, overrideReason: "" });
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { overrideReason: expect.any(Array) } });
    const tooShort = await closeHypercareAction({ launchId, overrideReason: "ok" });
    expect(tooShort).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await db.launch.findUniqueOrThrow({ where: { id: launchId } })).status).toBe("HYPERCARE");

    const closed = await closeHypercareAction({ launchId, overrideReason: "Sev 1 is a vendor outage, tracked in their ticket VND-42" });
    expect(closed).toMatchObject({ ok: true, data: { status: "CLOSED", overridden: true } });
    const v = await view();
    expect(v.status).toBe("CLOSED");
    expect(v.hypercare).toMatchObject({ overrideReason: "Sev 1 is a vendor outage, tracked in their ticket VND-42", closedByName: "Mia Manager" });
    expect(v.hypercare!.closedAt).not.toBeNull();
    expect(v.hypercare!.overriddenBlockers[0]).toMatch(/^Sev 1 #1/);
    const events = await eventsOf(launchId);
    const close = events.find((e) => e.type === "hypercare.closed")!;
    expect(close.payload).toMatchObject({ overrideReason: "Sev 1 is a vendor outage, tracked in their ticket VND-42" });
    expect(events.at(-1)).toMatchObject({ type: "launch.status_changed", payload: { from: "HYPERCARE", to: "CLOSED" } });
    // The closing report carries the incident, the override and the criteria as they stood at the close.
    const report = await loadClosingReport(launchId);
    expect(report.incidents.map((i) => [i.number, i.highestSeverity, i.rollbackTrigger])).toEqual([[1, 1, true]]);
    expect(report.hypercare?.overrideReason).toContain("VND-42");
    expect(report.criteria.map((c) => c.evaluation.met)).toEqual([false, false, false]);
    expect(report.runbook).toEqual({ present: false });
  });

  it("allows closing without an override once every criterion holds and no Sev 1 is open", async () => {
    await enterHypercare();
    const incident = await openSev1();
    actAs(engineer);
    const resolved = await updateIncidentAction({
      launchId, incidentId: incident.id, version: incident.version, title: incident.title, severity: 1, state: "RESOLVED", releaseRelated: true, rollbackTrigger: true, ownerId: engineer.id, note: "Pool size raised",
    });
    expect(resolved).toMatchObject({ ok: true, data: { state: "RESOLVED" } });
    // The Sev 1 was resolved 8 days ago and hypercare began 10 days ago.
    await db.incident.update({ where: { id: incident.id }, data: { resolvedAt: new Date(Date.now() - 8 * 86_400_000) } });
    await ranFor(10);
    const [, metric, signed] = (await view()).criteria;
    actAs(engineer);
    expect(await recordMetricAction({ launchId, criterionId: metric.id, version: metric.version, value: "0.21" })).toMatchObject({ ok: true });
    actAs(manager);
    expect(await closeHypercareAction({ launchId, overrideReason: "" })).toMatchObject({ ok: false, code: "VALIDATION" }); // not signed yet
    expect(await signCriterionAction({ launchId, criterionId: signed.id, version: signed.version, signed: true })).toMatchObject({ ok: true });
    expect(await transitionLaunchAction({ launchId, to: "CLOSED" })).toMatchObject({ ok: true, data: { status: "CLOSED" } });
    const v = await view();
    expect(v.hypercare).toMatchObject({ overrideReason: null, overriddenBlockers: [] });
    expect((await eventsOf(launchId)).find((e) => e.type === "hypercare.closed")!.payload).toEqual({ overrideReason: null });
  });
});

describe("roles", () => {
  it("engineers open and update incidents and record metrics; viewers and approvers do neither; only managers edit criteria and close", async () => {
    await enterHypercare();
    const metric = (await view()).criteria[1];
    for (const user of [viewer, approver]) {
      actAs(user);
      expect(await openIncidentAction({ launchId, title: "Looks slow", severity: 3 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await recordMetricAction({ launchId, criterionId: metric.id, version: metric.version, value: "0.1" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    actAs(engineer);
    expect(await addCriterionAction({ launchId, kind: "SIGNED", title: "Runbook archived" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await removeCriterionAction({ launchId, criterionId: metric.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await closeHypercareAction({ launchId, overrideReason: "Engineers may not close hypercare" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const sev3 = await openIncidentAction({ launchId, title: "Looks slow", severity: 3 });
    expect(sev3).toMatchObject({ ok: true, data: { number: 1, severity: 3 } });
    actAs(manager);
    expect(await addCriterionAction({ launchId, kind: "METRIC", title: "Availability above 99.9 %", comparator: "ABOVE", threshold: "99.9", unit: "%", hours: 24 })).toMatchObject({
      ok: true, data: { position: 3, threshold: "99.9" },
    });
    expect(await addCriterionAction({ launchId, kind: "NO_SEV1", title: "No Sev 1" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { days: expect.any(Array) } });
  });

  it("refuses incidents before the window opens", async () => {
    await db.launch.update({ where: { id: launchId }, data: { status: "PLANNING" } });
    actAs(engineer);
    expect(await openIncidentAction({ launchId, title: "Too early", severity: 2 })).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});

describe("the incident log", () => {
  it("keeps a timeline of state and severity changes and notes, and a stale edit gets a conflict naming the winner's change", async () => {
    await enterHypercare();
    const incident = await openSev1();
    const base = { launchId, incidentId: incident.id, title: incident.title, releaseRelated: true, rollbackTrigger: true, ownerId: engineer.id };
    actAs(engineer);
    const first = await updateIncidentAction({ ...base, version: incident.version, severity: 2, state: "IDENTIFIED", note: "Connection pool exhausted" });
    expect(first).toMatchObject({ ok: true, data: { severity: 2, highestSeverity: 1, state: "IDENTIFIED", version: 2 } });
    actAs(manager);
    const stale = await updateIncidentAction({ ...base, version: incident.version, severity: 1, state: "MONITORING", note: "" });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2, state: "IDENTIFIED" } });
    expect(stale.ok ? "" : stale.error).toContain("identified");
    expect(await noteIncidentAction({ launchId, incidentId: incident.id, body: "Vendor engaged" })).toMatchObject({ ok: true });
    const notes = (await view()).incidents[0].notes;
    expect(notes.map((n) => [n.body, n.fromState, n.toState, n.severity])).toEqual([
      ["p99 at 12 s", null, "INVESTIGATING", 1],
      ["Connection pool exhausted", "INVESTIGATING", "IDENTIFIED", 2],
      ["Vendor engaged", null, null, null],
    ]);
    expect((await eventsOf(launchId)).filter((e) => e.type.startsWith("incident.")).map((e) => e.type)).toEqual(["incident.opened", "incident.updated", "incident.noted"]);
  });

  it("refuses an owner who is not a member of the launch", async () => {
    await enterHypercare();
    const stranger = await createUser();
    actAs(engineer);
    expect(await openIncidentAction({ launchId, title: "Disk full", severity: 2, ownerId: stranger.id })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { ownerId: expect.any(Array) } });
  });
});
