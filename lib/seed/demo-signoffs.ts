import "server-only";
import { createGroup, decide } from "@/lib/signoff/commands";
import { extendDemo } from "./demo";

// The demo launch's sign-offs: three groups, one already approved, so the sign-off and go/no-go pages
// show approved, pending and waiting groups at first sight.
extendDemo(async ({ launchId, users }) => {
  const manager = { userId: users.manager, isAdmin: false };
  const groups = [
    { name: "QA", rule: "ANY" as const, approverIds: [users.approver] },
    { name: "Security", rule: "ALL" as const, approverIds: [users.approver2] },
    { name: "Business owner", rule: "ANY" as const, approverIds: [users.approver] },
  ];
  const ids: string[] = [];
  for (const g of groups) ids.push((await createGroup(manager, { launchId, requiredCount: null, ...g })).id);
  await decide(
    { userId: users.approver, isAdmin: false },
    { launchId, groupId: ids[0], decision: "APPROVE", comment: "Regression suite green on the release candidate.", evidenceLinks: ["https://ci.example.com/payments-v3/run/1842"] },
  );
});
