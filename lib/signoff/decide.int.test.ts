import { beforeEach, describe, expect, it } from "vitest";
import { decideAction, withdrawAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { db } from "@/lib/db/client";
import { actAs, eventsOf } from "@/lib/test/fixtures";
import { liveDecisions, makeGroup, signoffWorld, type SignoffWorld } from "./int-fixtures";

let w: SignoffWorld;
let qaId: string;
beforeEach(async () => {
  w = await signoffWorld();
  qaId = (await makeGroup(w.launchId, "QA", [w.ann, w.bob], "ALL")).id;
});

const approve = (groupId = qaId, comment = "") => decideAction({ launchId: w.launchId, groupId, decision: "APPROVE", comment });
const writes = async () => ({ decisions: await db.signoffDecision.count({ where: { launchId: w.launchId } }), events: (await eventsOf(w.launchId)).length });

describe("who may sign", () => {
  it("refuses an approver who is not an approver of the group, and writes nothing", async () => {
    const security = await makeGroup(w.launchId, "Security", [w.bob]);
    const before = await writes();
    actAs(w.ann);
    const result = await approve(security.id);
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", error: "You are not an approver of “Security”, so you cannot sign for it." });
    expect(await writes()).toEqual(before);
  });

  it("refuses engineers, viewers, non-members and the signed-out", async () => {
    const before = await writes();
    for (const [user, code] of [[w.engineer, "FORBIDDEN"], [w.viewer, "FORBIDDEN"], [w.outsider, "NOT_FOUND"], [null, "UNAUTHENTICATED"]] as const) {
      actAs(user);
      expect(await approve()).toMatchObject({ ok: false, code });
    }
    expect(await writes()).toEqual(before);
  });

  it("refuses a listed approver whose role is no longer APPROVER", async () => {
    await db.member.updateMany({ where: { launchId: w.launchId, userId: w.ann.id }, data: { role: "MANAGER" } });
    actAs(w.ann);
    expect(await approve()).toMatchObject({ ok: false, code: "FORBIDDEN", error: expect.stringContaining("approver role") });
  });

  it("refuses a group id from another launch as not found", async () => {
    const other = await signoffWorld();
    const foreign = await makeGroup(other.launchId, "QA", [other.ann]);
    actAs(w.ann);
    expect(await approve(foreign.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("deciding", () => {
  it("records who, what, the evidence and the readiness they saw, with one event", async () => {
    actAs(w.ann);
    const result = await decideAction({ launchId: w.launchId, groupId: qaId, decision: "APPROVE", comment: "Looks good", evidenceLinks: ["https://ci.example.com/run/9"] });
    expect(result).toMatchObject({ ok: true, data: { unchanged: false } });
    const [row] = await liveDecisions(w.launchId);
    expect(row).toMatchObject({ approverId: w.ann.id, decision: "APPROVE", comment: "Looks good", evidenceLinks: ["https://ci.example.com/run/9"] });
    expect(row.snapshot).toMatchObject({ state: "NOT_READY", reasons: expect.arrayContaining([expect.objectContaining({ code: "NO_WINDOW" })]) });
    const event = (await eventsOf(w.launchId)).at(-1)!;
    expect(event).toMatchObject({ type: "signoff.decided", actorId: w.ann.id, payload: expect.objectContaining({ group: "QA", decision: "APPROVE", approverName: w.ann.name }) });
  });

  it("refuses a rejection without a comment and a non-http evidence link, writing nothing", async () => {
    const before = await writes();
    actAs(w.ann);
    expect(await decideAction({ launchId: w.launchId, groupId: qaId, decision: "REJECT", comment: "  " })).toMatchObject({
      ok: false, code: "VALIDATION", fieldErrors: { comment: [expect.stringContaining("Say why you reject")] },
    });
    expect(await decideAction({ launchId: w.launchId, groupId: qaId, decision: "APPROVE", evidenceLinks: ["javascript:alert(1)"] })).toMatchObject({
      ok: false, code: "VALIDATION", error: expect.stringContaining("http(s)"),
    });
    expect(await writes()).toEqual(before);
  });

  it("is idempotent when signing the same again, and replaces an approval by a rejection", async () => {
    actAs(w.ann);
    await approve();
    const before = await writes();
    expect(await approve()).toMatchObject({ ok: true, data: { unchanged: true } });
    expect(await writes()).toEqual(before);
    expect(await decideAction({ launchId: w.launchId, groupId: qaId, decision: "REJECT", comment: "Rollback untested" })).toMatchObject({ ok: true });
    const live = await liveDecisions(w.launchId);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ decision: "REJECT", comment: "Rollback untested" });
    expect(await db.signoffDecision.count({ where: { launchId: w.launchId, withdrawnAt: { not: null } } })).toBe(1);
  });

  it("lets an approver withdraw only their own decision", async () => {
    actAs(w.ann);
    await approve();
    const [mine] = await liveDecisions(w.launchId);
    actAs(w.bob);
    expect(await withdrawAction({ launchId: w.launchId, decisionId: mine.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(w.ann);
    expect(await withdrawAction({ launchId: w.launchId, decisionId: mine.id })).toMatchObject({ ok: true, data: { unchanged: false } });
    expect(await liveDecisions(w.launchId)).toHaveLength(0);
    expect((await eventsOf(w.launchId)).at(-1)).toMatchObject({ type: "signoff.withdrawn" });
  });
});

describe("concurrency", () => {
  it("records two approvers signing at the same moment", async () => {
    const results = await Promise.all(
      [w.ann, w.bob].map(async (user) => {
        const { decide } = await import("./commands");
        return decide(user.actor, { launchId: w.launchId, groupId: qaId, decision: "APPROVE", comment: "", evidenceLinks: [] });
      }),
    );
    expect(results.every((r) => !r.unchanged)).toBe(true);
    expect((await liveDecisions(w.launchId)).map((d) => d.approverId).sort()).toEqual([w.ann.id, w.bob.id].sort());
  });

  it("keeps one live decision when the same approver signs twice at once", async () => {
    const { decide } = await import("./commands");
    const input = { launchId: w.launchId, groupId: qaId, decision: "APPROVE" as const, comment: "", evidenceLinks: [] };
    const results = await Promise.all([decide(w.ann.actor, input), decide(w.ann.actor, input), decide(w.ann.actor, input)]);
    expect(results.filter((r) => !r.unchanged)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await liveDecisions(w.launchId)).toHaveLength(1);
    expect((await eventsOf(w.launchId)).filter((e) => e.type === "signoff.decided")).toHaveLength(1);
  });
});
