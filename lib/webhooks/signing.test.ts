import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { messageId, newSecret, sign, signatureHeader, signingSecrets } from "./signing";

describe("Standard Webhooks signatures", () => {
  const body = JSON.stringify({ type: "go.decided", timestamp: "2026-12-02T02:00:00.000Z", data: { launchId: "l1" } });
  const ts = Math.floor(Date.now() / 1000);
  const id = messageId("d1");

  it("verify with the reference library", () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = { "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": signatureHeader([secret], id, ts, body) };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("sign with both secrets after a rotation, each verifying on its own", () => {
    const [current, previous] = [newSecret(), newSecret()];
    const header = signatureHeader([current, previous], id, ts, body);
    expect(header.split(" ")).toHaveLength(2);
    const headers = { "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": header };
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
  });

  it("matches the specification's example", () => {
    // From the Standard Webhooks reference implementation's tests.
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const sig = sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(sig).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("keep the previous secret only until it expires", () => {
    const now = new Date();
    const ep = { secret: "whsec_a", previousSecret: "whsec_b", previousSecretExpiresAt: new Date(now.getTime() + 1000) };
    expect(signingSecrets(ep, now)).toEqual(["whsec_a", "whsec_b"]);
    expect(signingSecrets({ ...ep, previousSecretExpiresAt: new Date(now.getTime() - 1) }, now)).toEqual(["whsec_a"]);
    expect(signingSecrets({ ...ep, previousSecret: null }, now)).toEqual(["whsec_a"]);
  });
});
