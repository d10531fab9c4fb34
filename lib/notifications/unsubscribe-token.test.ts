import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUnsubscribe, UNSUBSCRIBE_TTL_DAYS, verifyUnsubscribe } from "./unsubscribe-token";

const SECRET = "s".repeat(40);
const now = new Date("2026-12-02T00:00:00Z");

describe("unsubscribe tokens", () => {
  it("round-trips the user and kind", () => {
    const token = signUnsubscribe(SECRET, "user-1", "assigned", now);
    const result = verifyUnsubscribe(SECRET, token, now);
    expect(result).toEqual({ ok: true, claim: { userId: "user-1", kind: "assigned", expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TTL_DAYS * 86_400_000) } });
  });

  it("refuses a token signed with another secret", () => {
    expect(verifyUnsubscribe(SECRET, signUnsubscribe("x".repeat(40), "user-1", "all", now), now)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a token whose claim was edited (another user or kind)", () => {
    const [, sig] = signUnsubscribe(SECRET, "user-1", "assigned", now).split(".");
    const body = Buffer.from(JSON.stringify({ u: "user-2", k: "all", e: 9_999_999_999 })).toString("base64url");
    expect(verifyUnsubscribe(SECRET, `${body}.${sig}`, now)).toEqual({ ok: false, reason: "forged" });
  });

  it("says when a token has expired", () => {
    const token = signUnsubscribe(SECRET, "user-1", "all", now);
    const later = new Date(now.getTime() + (UNSUBSCRIBE_TTL_DAYS + 1) * 86_400_000);
    expect(verifyUnsubscribe(SECRET, token, later)).toEqual({ ok: false, reason: "expired" });
  });

  it.each([undefined, "", "abc", "a.b.c", "!!.??", "x".repeat(600), 42])("calls %j malformed", (token) => {
    expect(verifyUnsubscribe(SECRET, token, now)).toMatchObject({ ok: false });
    expect(["malformed", "forged"]).toContain((verifyUnsubscribe(SECRET, token, now) as { reason: string }).reason);
  });

  it("refuses a well-signed token naming an unknown kind", () => {
    // Only reachable with the secret; still checked so a future kind rename cannot write garbage.
    const body = Buffer.from(JSON.stringify({ u: "user-1", k: "nonsense", e: 9_999_999_999 })).toString("base64url");
    const sig = createHmac("sha256", SECRET).update(`liftoff-unsubscribe:${body}`).digest().toString("base64url");
    expect(verifyUnsubscribe(SECRET, `${body}.${sig}`, now)).toEqual({ ok: false, reason: "malformed" });
  });
});
