import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestSmtp, type TestSmtp } from "@/lib/test/smtp";

// lib/mail against a real SMTP server on 127.0.0.1 (lib/test/smtp.ts). lib/env.ts caches the environment
// per module instance, so each case imports a fresh lib/mail after setting SMTP_URL.

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

async function freshMail(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.resetModules();
  return import("@/lib/mail");
}

describe("sendMail with SMTP_URL", () => {
  it("delivers text and HTML from MAIL_FROM to the recipient", async () => {
    const mail = await freshMail({ SMTP_URL: smtp.url, MAIL_FROM: "Liftoff <liftoff@test.liftoff>", BETTER_AUTH_URL: "http://localhost:3000" });
    expect(mail.mailConfigured()).toBe(true);
    const result = await mail.sendMail({ to: "ada@test.liftoff", subject: "Hello Ada", text: "Plain body", html: "<p>HTML body</p>" });
    expect(result.sent).toBe(true);
    const got = await smtp.waitForMail((m) => m.subject === "Hello Ada");
    expect(got.to).toEqual(["ada@test.liftoff"]);
    expect(got.from).toContain("liftoff@test.liftoff");
    expect(got.text.trim()).toBe("Plain body");
    expect(got.html).toContain("<p>HTML body</p>");
  });

  it("keeps a subject with line breaks on one header line (no injected headers)", async () => {
    const mail = await freshMail({ SMTP_URL: smtp.url, MAIL_FROM: "liftoff@test.liftoff", BETTER_AUTH_URL: "http://localhost:3000" });
    await mail.sendMail({ to: "bob@test.liftoff", subject: "Hi\r\nBcc: eve@evil.example", text: "x" });
    const got = await smtp.waitForMail((m) => m.to.includes("bob@test.liftoff"));
    expect(got.subject).toBe("Hi Bcc: eve@evil.example");
    expect(got.parsed.bcc).toBeUndefined();
    expect(smtp.received.some((m) => m.to.includes("eve@evil.example"))).toBe(false);
  });

  it("throws when the mail server cannot be reached, so the caller knows nothing was sent", async () => {
    const mail = await freshMail({ SMTP_URL: "smtp://127.0.0.1:1", MAIL_FROM: "liftoff@test.liftoff", BETTER_AUTH_URL: "http://localhost:3000" });
    await expect(mail.sendMail({ to: "c@test.liftoff", subject: "Unreachable", text: "x" })).rejects.toThrow();
  });
});

describe("sendMail without SMTP_URL", () => {
  it("sends nothing, says so in one log line without the body, and reports not-configured", async () => {
    const mail = await freshMail({ SMTP_URL: "", MAIL_FROM: undefined });
    expect(mail.mailConfigured()).toBe(false);
    const before = smtp.received.length;
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const result = await mail.sendMail({ to: "dan@test.liftoff", subject: "Your link", text: "secret-token-123" });
    expect(result).toEqual({ sent: false, reason: "not-configured" });
    expect(info).toHaveBeenCalledTimes(1);
    const line = String(info.mock.calls[0][0]);
    expect(line).toMatch(/\[mail\] not sent, SMTP_URL is not set/);
    expect(line).toContain("dan@test.liftoff");
    expect(line).not.toContain("secret-token-123");
    info.mockRestore();
    expect(smtp.received.length).toBe(before);
  });
});
