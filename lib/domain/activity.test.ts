import { describe, expect, it } from "vitest";
import { describeEvent } from "./activity";

describe("describeEvent", () => {
  it("says what happened in words, never raw enums", () => {
    expect(describeEvent("item.status_changed", { title: "Deploy the release", to: "BLOCKED", reason: "Vault down" })).toBe(
      "set “Deploy the release” to Blocked: Vault down",
    );
    expect(describeEvent("item.status_changed", { title: "Smoke test", to: "TODO" })).toBe("set “Smoke test” to To do");
    expect(describeEvent("launch.status_changed", { from: "PLANNING", to: "NO_GO" })).toBe("moved the launch from Planning to No-go");
    expect(describeEvent("item.assigned", { title: "Smoke test", ownerId: "u", ownerName: "Eli", taken: true })).toBe("took “Smoke test”");
  });

  it("counts with one plural rule", () => {
    expect(describeEvent("signoff.stale", { count: 1, reason: "a check reopened" })).toBe("1 sign-off went stale: a check reopened");
    expect(describeEvent("signoff.stale", { count: 2, reason: "a check reopened" })).toBe("2 sign-offs went stale: a check reopened");
    expect(describeEvent("items.bulk_updated", { count: 1 })).toBe("updated 1 item");
  });

  it("describes instance-wide events for the admins' audit search", () => {
    expect(describeEvent("admin.granted", { userId: "u", email: "ada@corp.example", via: "admin" })).toBe("made ada@corp.example an instance admin");
    expect(describeEvent("admin.granted", { userId: "u", email: "ada@corp.example", via: "cli" })).toBe("made ada@corp.example an instance admin (via cli)");
    expect(describeEvent("user.deactivated", { email: "bo@corp.example", sessionsRevoked: 1, tokensRevoked: 2 })).toBe(
      "deactivated bo@corp.example (1 session ended, 2 API tokens revoked)",
    );
  });
});
