import { afterAll, describe, expect, it } from "vitest";
import { assignItem } from "@/lib/checklist/item-commands";
import { seedItems } from "@/lib/checklist/checklist-fixtures";
import { changeItemStatus, updateEvidence } from "@/lib/checklist/status-commands";
import { db } from "@/lib/db/client";
import { changeMemberRole } from "@/lib/launches/commands";
import { loadOverviewPart } from "@/lib/launches/view";
import type { OverviewDTO } from "@/lib/launches/view-types";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { loadReadiness } from "@/lib/readiness/load";
import { decide } from "@/lib/signoff/decision-commands";
import { makeGroup, scheduleWindow, signoffWorld } from "@/lib/signoff/int-fixtures";
import { countingStatements } from "@/lib/test/count-statements";
import { changeMessages, closeLaunchStreams, openLaunchStream, until } from "@/lib/test/sse";
import { appendSystemEvents } from "@/lib/server/command";
import { applyOverviewDelta, applyReadinessDelta, browserReadiness } from "./delta";
import { buildPatch, readinessKey, type LastSent, type ReadinessMemo, type RunbookMemo } from "./enrich";
import { fetchEventsAfter, maxEventId } from "./events";

// The listener keeps what readiness and the overview were computed from (lib/live/enrich.ts,
// ReadinessMemo): a batch that changed only items recomputes both from it with those items read afresh.
// Whatever the sequence, what a viewer holds after each batch equals readiness and the overview read
// afresh, and an item-only batch costs a handful of statements instead of the launch's whole read.

const count = countingStatements();

describe("the listener's readiness memo", () => {
  it("gives after every batch the readiness and overview a fresh read gives, reading far less for item-only batches", async () => {
    const w = await signoffWorld();
    const { launchId, manager, engineer, ann } = w;
    const group = await makeGroup(launchId, "Security", [ann]);
    await scheduleWindow(launchId, 30);
    const section = await db.checklistSection.create({ data: { launchId, title: "Cutover", position: 1 } });
    const items = await seedItems(launchId, section.id, 4, { ownerId: engineer.id });
    const unowned = (await seedItems(launchId, section.id, 1, { ownerId: null }))[0];
    let version = new Map([...items, unowned].map((i) => [i.id, i.version]));
    const bump = (id: string) => version.set(id, version.get(id)! + 1).get(id)! - 1;

    let cursor = await maxEventId(launchId);
    let last: LastSent | null = null;
    let runbookMemo: RunbookMemo | null = null;
    let readinessMemo: ReadinessMemo | null = null;
    // What a viewer holds: what the first batch sent whole, then merged with each batch's deltas.
    let held: ReadinessDTO | undefined;
    let heldOverview: OverviewDTO | undefined;
    const statementsOf: Record<string, number> = {};

    async function batch(name: string, change: () => Promise<unknown>) {
      await change();
      const events = await fetchEventsAfter(launchId, cursor);
      expect(events.length).toBeGreaterThan(0);
      cursor = BigInt(events.at(-1)!.id);
      const { value: patch, statements } = await count(() => buildPatch(launchId, events, last, runbookMemo, readinessMemo));
      statementsOf[name] = statements;
      last = patch.sent;
      runbookMemo = patch.runbookMemo;
      readinessMemo = patch.readinessMemo;
      const { readiness, readinessDelta, overview, overviewDelta } = patch.full;
      held = readiness ?? (readinessDelta ? applyReadinessDelta(held!, readinessDelta)! : held);
      heldOverview = overview ?? (overviewDelta ? applyOverviewDelta(heldOverview!, overviewDelta)! : heldOverview);
      const fresh = await loadReadiness(launchId);
      expect(readinessKey(held!), name).toBe(readinessKey(browserReadiness(fresh.dto)));
      expect(heldOverview, name).toEqual(await loadOverviewPart(launchId));
      return patch;
    }

    await batch("first tick (reads everything, keeps the memo)", () =>
      changeItemStatus(engineer.actor, { launchId, itemId: items[0].id, version: bump(items[0].id), status: "DONE" }));
    expect(readinessMemo).not.toBeNull();
    await batch("tick", () => changeItemStatus(engineer.actor, { launchId, itemId: items[1].id, version: bump(items[1].id), status: "IN_PROGRESS" }));
    await batch("assign the unowned check", () => assignItem(manager.actor, { launchId, itemId: unowned.id, version: bump(unowned.id), ownerId: engineer.id }));
    await batch("sign-off (reads afresh)", () => decide(ann.actor, { launchId, groupId: group.id, decision: "APPROVE", comment: "", evidenceLinks: [] }));
    // A required check regresses after the approval: the sign-off goes stale in the same transaction.
    const stale = await batch("regression (sign-off goes stale: reads afresh)", () =>
      changeItemStatus(manager.actor, { launchId, itemId: w.backup.id, version: w.backup.version, status: "IN_PROGRESS", reason: "Backup re-run" }));
    expect(held!.groups[group.id]?.status).not.toBe("APPROVED");
    expect(stale.full.readinessDelta?.groups, "the delta names the group that went stale").toBeDefined();
    await batch("evidence", () =>
      updateEvidence(engineer.actor, { launchId, itemId: items[0].id, version: bump(items[0].id), evidenceNote: "Report attached", evidenceLinks: ["https://ci.example.com/2"] }));
    const member = await db.member.findFirstOrThrow({ where: { launchId, userId: engineer.id } });
    await batch("member change (reads afresh)", () => changeMemberRole(manager.actor, { launchId, memberId: member.id, role: "MANAGER" }));
    await batch("tick after the member change", () =>
      changeItemStatus(engineer.actor, { launchId, itemId: items[2].id, version: bump(items[2].id), status: "DONE" }));
    version = new Map();

    // Item-only batches read the changed items (one statement), not the launch (readiness, windows, team).
    const full = statementsOf["first tick (reads everything, keeps the memo)"];
    for (const name of ["tick", "assign the unowned check", "evidence", "tick after the member change"]) {
      expect(statementsOf[name], name).toBeLessThanOrEqual(2);
    }
    // A full read is the launch's whole read (readiness, windows, team, runbook): 15 statements since
    // relations load by join (prisma/schema.prisma), over 20 before.
    expect(full).toBeGreaterThan(10);
    expect(statementsOf["sign-off (reads afresh)"]).toBeGreaterThan(8);
    console.log("statements per batch:", statementsOf);
  });
});

afterAll(closeLaunchStreams);

describe("the listener's readiness memo and instance-wide changes", () => {
  it("reads readiness afresh after a freeze is added, so the next tick's batch shows the clash", async () => {
    const w = await signoffWorld();
    const { launchId, manager } = w;
    const window = await scheduleWindow(launchId, 30);
    const items = await seedItems(launchId, w.sectionId, 2, { ownerId: manager.id });
    const got = await openLaunchStream(launchId, manager);
    await changeItemStatus(manager.actor, { launchId, itemId: items[0].id, version: items[0].version, status: "IN_PROGRESS" });
    expect(await until(() => changeMessages(got).length === 1)).toBe(true);
    const before = (await loadReadiness(launchId)).dto;

    // An admin freezes the window's environment: an instance-wide event (no launch), as the admin commands write it.
    await db.$transaction(async (tx) => {
      await tx.freeze.create({ data: { environmentId: window.environmentId, kind: "ONE_OFF", reason: "Year-end freeze", startsAt: window.startsAt, endsAt: window.endsAt, timeZone: "Europe/London" } });
      await appendSystemEvents(tx, null, [{ type: "freeze.created", payload: { reason: "Year-end freeze" } }]);
    });
    const fresh = (await loadReadiness(launchId)).dto;
    expect(readinessKey(fresh)).not.toBe(readinessKey(before));

    // The next tick is an item-only batch; it must not recompute from what was read before the freeze.
    await changeItemStatus(manager.actor, { launchId, itemId: items[1].id, version: items[1].version, status: "IN_PROGRESS" });
    expect(await until(() => changeMessages(got).length === 2)).toBe(true);
    const delta = changeMessages(got)[1].patch.readinessDelta;
    expect(delta?.reasons, "the clash is among the reasons the tick's batch sends").toBeDefined();
    const held = applyReadinessDelta(changeMessages(got)[0].patch.readiness!, delta!);
    expect(readinessKey(held!)).toBe(readinessKey(browserReadiness((await loadReadiness(launchId)).dto)));
  });
});
