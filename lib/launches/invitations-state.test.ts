import { describe, expect, it } from "vitest";
import { acceptanceRefusal, INVITATION_TOKEN, invitationExpiry, invitationStatus } from "./invitations-state";

const now = new Date("2026-12-01T12:00:00Z");
const pending = { email: "ada@corp.example", expiresAt: new Date("2026-12-10T00:00:00Z"), acceptedAt: null, acceptedById: null, revokedAt: null };
const ada = { id: "u1", email: "Ada@Corp.example", emailVerified: false };
const link = { requireVerified: false };

describe("invitation acceptance rules", () => {
  it("lets the holder of the invited address accept a pending invitation, whatever the case of their address", () => {
    expect(acceptanceRefusal(pending, ada, link, now)).toBeNull();
  });

  it("refuses another address, naming the invited one", () => {
    expect(acceptanceRefusal(pending, { ...ada, email: "eve@corp.example" }, link, now)).toMatchObject({ kind: "wrong-account", message: expect.stringContaining("ada@corp.example") });
  });

  it("requires a verified address when mail is configured", () => {
    expect(acceptanceRefusal(pending, ada, { requireVerified: true }, now)?.kind).toBe("unverified");
    expect(acceptanceRefusal(pending, { ...ada, emailVerified: true }, { requireVerified: true }, now)).toBeNull();
  });

  it("refuses expired (at the exact instant), withdrawn and used invitations; accepting twice is a no-op", () => {
    expect(acceptanceRefusal({ ...pending, expiresAt: now }, ada, link, now)?.kind).toBe("expired");
    expect(acceptanceRefusal({ ...pending, revokedAt: now }, ada, link, now)?.kind).toBe("revoked");
    const used = { ...pending, acceptedAt: now, acceptedById: "u2" };
    expect(acceptanceRefusal(used, ada, link, now)?.kind).toBe("used");
    expect(acceptanceRefusal({ ...used, acceptedById: "u1" }, ada, link, now)).toBeNull();
    // Accepted wins over a later expiry or withdrawal.
    expect(invitationStatus({ ...used, revokedAt: now, expiresAt: new Date(0) }, now)).toBe("accepted");
  });

  it("expires 14 days after it is issued, and tokens are 43 base64url characters", () => {
    expect(invitationExpiry(now).toISOString()).toBe("2026-12-15T12:00:00.000Z");
    expect(INVITATION_TOKEN.test("a".repeat(43))).toBe(true);
    expect(INVITATION_TOKEN.test("a".repeat(42))).toBe(false);
    expect(INVITATION_TOKEN.test(`${"a".repeat(42)}/`)).toBe(false);
  });
});
