// hooks.ts loaded before any sign-off module: a gate change still reaches the sign-offs (hooks.ts calls
// the stale marking directly, so load order cannot lose it).
import { gateChanged } from "@/lib/server/hooks";
import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runLaunchCommand } from "@/lib/server/command";
import { makeGroup, signoffWorld } from "./int-fixtures";

it("marks decisions stale when the first module loaded is lib/server/hooks.ts", async () => {
  const w = await signoffWorld();
  const qa = await makeGroup(w.launchId, "QA", [w.ann]);
  await db.signoffDecision.create({
    data: { launchId: w.launchId, groupId: qa.id, approverId: w.ann.id, decision: "APPROVE", snapshot: {}, createdAt: new Date(Date.now() - 1000) },
  });
  await runLaunchCommand(w.manager.actor, w.launchId, "checklist.structure", (ctx) =>
    gateChanged(ctx, { kind: "required_item_added", itemId: "x", title: "Rollback rehearsed" }),
  );
  const [d] = await db.signoffDecision.findMany({ where: { launchId: w.launchId } });
  expect(d.staleReason).toBe("Required item “Rollback rehearsed” was added after you signed");
});
