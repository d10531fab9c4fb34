import { beforeEach, describe, expect, it } from "vitest";
import { createGroupAction, deleteGroupAction, updateGroupAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { db } from "@/lib/db/client";
import { actAs, eventsOf } from "@/lib/test/fixtures";
import { signoffWorld, type SignoffWorld } from "./int-fixtures";

let w: SignoffWorld;
beforeEach(async () => {
  w = await signoffWorld();
});
const groups = () => db.signoffGroup.findMany({ where: { launchId: w.launchId }, include: { approvers: true } });

describe("configuring sign-off groups", () => {
  it("lets a manager create, change and delete a group, each with its event", async () => {
    actAs(w.manager);
    const created = await createGroupAction({ launchId: w.launchId, name: "Security", rule: "N_OF_M", requiredCount: 2, approverIds: [w.ann.id, w.bob.id] });
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? created.data.id : "";
    expect(await groups()).toEqual([expect.objectContaining({ name: "Security", rule: "N_OF_M", requiredCount: 2, approvers: expect.arrayContaining([expect.anything(), expect.anything()]) })]);

    expect(await updateGroupAction({ launchId: w.launchId, groupId: id, version: 1, name: "Security", rule: "ANY", approverIds: [w.bob.id] })).toMatchObject({ ok: true });
    const [updated] = await groups();
    expect(updated).toMatchObject({ rule: "ANY", requiredCount: null, approvers: [expect.objectContaining({ userId: w.bob.id })] });

    expect(await deleteGroupAction({ launchId: w.launchId, groupId: id })).toMatchObject({ ok: true });
    expect(await groups()).toEqual([]);
    const types = (await eventsOf(w.launchId)).map((e) => e.type).filter((t) => t.startsWith("signoff."));
    expect(types).toEqual(["signoff.group_created", "signoff.group_updated", "signoff.group_deleted"]);
  });

  it("refuses approvers who are not members with the APPROVER role, naming them", async () => {
    actAs(w.manager);
    const engineer = await createGroupAction({ launchId: w.launchId, name: "QA", rule: "ANY", approverIds: [w.engineer.id] });
    expect(engineer).toMatchObject({ ok: false, code: "VALIDATION", error: expect.stringContaining(`${w.engineer.name} (engineer)`) });
    const outsider = await createGroupAction({ launchId: w.launchId, name: "QA", rule: "ANY", approverIds: [w.outsider.id] });
    expect(outsider).toMatchObject({ ok: false, code: "VALIDATION", error: "One chosen approver is not a member of this launch." });
    expect(await groups()).toEqual([]);
  });

  it("refuses N of M outside 1..M and a duplicate name", async () => {
    actAs(w.manager);
    for (const requiredCount of [0, 3, null]) {
      const result = await createGroupAction({ launchId: w.launchId, name: "QA", rule: "N_OF_M", requiredCount, approverIds: [w.ann.id, w.bob.id] });
      expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { requiredCount: ["Between 1 and 2"] } });
    }
    expect(await createGroupAction({ launchId: w.launchId, name: "QA", rule: "ANY", approverIds: [] })).toMatchObject({ ok: true });
    expect(await createGroupAction({ launchId: w.launchId, name: "qa", rule: "ANY", approverIds: [] })).toMatchObject({ ok: false, fieldErrors: { name: ["Choose another name"] } });
    expect(await groups()).toHaveLength(1);
  });

  it("refuses non-managers", async () => {
    for (const user of [w.engineer, w.ann, w.viewer]) {
      actAs(user);
      expect(await createGroupAction({ launchId: w.launchId, name: "QA", rule: "ANY", approverIds: [] })).toMatchObject({
        ok: false, code: "FORBIDDEN", error: "Only the launch's managers can configure sign-offs.",
      });
    }
    expect(await groups()).toEqual([]);
  });
});
