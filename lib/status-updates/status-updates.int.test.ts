import { beforeEach, describe, expect, it } from "vitest";
import { deleteStatusUpdateAction, editStatusUpdateAction, postStatusUpdateAction } from "@/app/(app)/launches/[launchId]/updates/actions";
import { db } from "@/lib/db/client";
import { loadViewPart } from "@/lib/launches/view";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import type { StatusUpdateDTO } from "./dto";
import type { PostUpdateInput } from "./schema";

let manager: TestUser;
let manager2: TestUser;
let engineer: TestUser;
let launchId: string;

beforeEach(async () => {
  manager = await createUser({ name: "Mia Manager" });
  manager2 = await createUser({ name: "Max Manager" });
  engineer = await createUser();
  launchId = (await createTestLaunch(manager, [[manager2, "MANAGER"], [engineer, "ENGINEER"]])).id;
});

const base: Omit<PostUpdateInput, "launchId"> = { title: "Cutover started", message: "Payments are read-only until 03:00.", impact: "MINOR", state: "IN_PROGRESS", components: ["Checkout API"] };

async function post(user: TestUser, over: Partial<typeof base> = {}): Promise<StatusUpdateDTO> {
  actAs(user);
  const result = await postStatusUpdateAction({ launchId, ...base, ...over });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe("status updates", () => {
  it("a manager posts; the timeline part lists it newest first with its author, and the event is written", async () => {
    await post(manager, { title: "Window opened" });
    const second = await post(manager, { title: "Database migrated", state: "COMPLETED", impact: "NONE" });
    const list = (await loadViewPart(engineer.actor, launchId, "statusUpdates")) as StatusUpdateDTO[];
    expect(list.map((u) => u.title)).toEqual(["Database migrated", "Window opened"]);
    expect(list[0]).toMatchObject({ id: second.id, authorName: "Mia Manager", state: "COMPLETED", impact: "NONE", version: 1 });
    expect((await eventsOf(launchId)).filter((e) => e.type.startsWith("status_update.")).map((e) => e.type)).toEqual(["status_update.posted", "status_update.posted"]);
  });

  it("an engineer may not post, edit or delete", async () => {
    const u = await post(manager);
    actAs(engineer);
    expect(await postStatusUpdateAction({ launchId, ...base })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await editStatusUpdateAction({ launchId, updateId: u.id, version: 1, ...base })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await deleteStatusUpdateAction({ launchId, updateId: u.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.statusUpdate.count({ where: { launchId } })).toBe(1);
  });

  it("refuses bad input with field errors: impact, state, control characters, too many components", async () => {
    actAs(manager);
    const bad = await postStatusUpdateAction({ launchId, ...base, impact: "APOCALYPTIC" as never, title: "A\u0007b" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(Object.keys(bad.ok ? {} : bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["title", "impact"]));
    const many = await postStatusUpdateAction({ launchId, ...base, components: Array.from({ length: 11 }, (_, i) => `C${i}`) });
    expect(many).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("two managers editing the same version: the second gets a conflict naming the winner's text, nothing overwritten", async () => {
    const u = await post(manager);
    actAs(manager);
    const first = await editStatusUpdateAction({ launchId, updateId: u.id, version: 1, ...base, state: "MONITORING", title: "Monitoring the switch" });
    expect(first).toMatchObject({ ok: true, data: { version: 2, state: "MONITORING" } });
    actAs(manager2);
    const second = await editStatusUpdateAction({ launchId, updateId: u.id, version: 1, ...base, title: "Rolled back" });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT", current: { title: "Monitoring the switch", version: 2 } });
    expect(second.ok ? "" : second.error).toContain("Monitoring the switch");
    expect(await db.statusUpdate.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ title: "Monitoring the switch", version: 2 });
    // With the current version the edit goes through.
    expect(await editStatusUpdateAction({ launchId, updateId: u.id, version: 2, ...base, title: "Rolled back" })).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("delete is audited with what was said, and an edit of a deleted update says so", async () => {
    const u = await post(manager, { title: "Planned downtime" });
    actAs(manager2);
    expect(await deleteStatusUpdateAction({ launchId, updateId: u.id })).toMatchObject({ ok: true });
    const deleted = (await eventsOf(launchId)).find((e) => e.type === "status_update.deleted");
    expect(deleted?.payload).toMatchObject({ updateId: u.id, title: "Planned downtime", message: base.message });
    expect(await editStatusUpdateAction({ launchId, updateId: u.id, version: 1, ...base })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("an update of one launch cannot be edited or deleted through another launch the manager runs", async () => {
    const u = await post(manager);
    const other = (await createTestLaunch(manager)).id;
    actAs(manager);
    expect(await editStatusUpdateAction({ launchId: other, updateId: u.id, version: 1, ...base })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await deleteStatusUpdateAction({ launchId: other, updateId: u.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
