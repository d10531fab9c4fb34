import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const url = "postgresql://u:p@localhost:5432/db";

describe("parseEnv", () => {
  it("accepts a development environment without a secret", () => {
    expect(parseEnv({ DATABASE_URL: url }).AUTH_RATE_LIMIT_MAX).toBe(10);
  });
  it("requires BETTER_AUTH_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: url })).toThrow(/BETTER_AUTH_SECRET is required/);
  });
  it("rejects a short secret and a non-postgres URL, naming each variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x/y", BETTER_AUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL[\s\S]*BETTER_AUTH_SECRET|BETTER_AUTH_SECRET[\s\S]*DATABASE_URL/,
    );
  });
  it("rejects a missing DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });
});

describe("access settings", () => {
  it("defaults to open sign-up, no admin emails and no trusted proxies", () => {
    const e = parseEnv({ DATABASE_URL: url });
    expect(e.LIFTOFF_SIGNUP).toBe("open");
    expect(e.LIFTOFF_ADMIN_EMAILS).toEqual([]);
    expect(e.TRUSTED_PROXIES).toBeUndefined();
  });
  it("reads invite-only, a lower-cased admin list and proxy ranges", () => {
    const e = parseEnv({ DATABASE_URL: url, LIFTOFF_SIGNUP: "invite-only", LIFTOFF_ADMIN_EMAILS: " Ops@Corp.example, cto@corp.example ", TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(e.LIFTOFF_SIGNUP).toBe("invite-only");
    expect(e.LIFTOFF_ADMIN_EMAILS).toEqual(["ops@corp.example", "cto@corp.example"]);
  });
  it("refuses a bad sign-up mode, a bad admin address and a bad proxy range, naming each", () => {
    expect(() => parseEnv({ DATABASE_URL: url, LIFTOFF_SIGNUP: "closed" })).toThrow(/LIFTOFF_SIGNUP/);
    expect(() => parseEnv({ DATABASE_URL: url, LIFTOFF_ADMIN_EMAILS: "not-an-email" })).toThrow(/LIFTOFF_ADMIN_EMAILS/);
    expect(() => parseEnv({ DATABASE_URL: url, TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(/TRUSTED_PROXIES.*10\.0\.0\.0\/40/);
  });
});

describe("mail settings", () => {
  it("has no mail by default, and treats an empty SMTP_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: url }).SMTP_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: url, SMTP_URL: " " }).SMTP_URL).toBeUndefined();
  });
  it("reads SMTP_URL with MAIL_FROM and BETTER_AUTH_URL", () => {
    const e = parseEnv({ DATABASE_URL: url, SMTP_URL: "smtps://u:p@mail.corp.example:465", MAIL_FROM: "Liftoff <l@corp.example>", BETTER_AUTH_URL: "https://liftoff.corp.example" });
    expect(e.SMTP_URL).toBe("smtps://u:p@mail.corp.example:465");
    expect(e.MAIL_FROM).toBe("Liftoff <l@corp.example>");
  });
  it("refuses a non-SMTP URL, and SMTP_URL without MAIL_FROM or BETTER_AUTH_URL, naming each", () => {
    expect(() => parseEnv({ DATABASE_URL: url, SMTP_URL: "http://mail.example", MAIL_FROM: "a@b.example", BETTER_AUTH_URL: "https://x.example" })).toThrow(/SMTP_URL must start with smtp/);
    expect(() => parseEnv({ DATABASE_URL: url, SMTP_URL: "smtp://mail.example", BETTER_AUTH_URL: "https://x.example" })).toThrow(/MAIL_FROM is required/);
    expect(() => parseEnv({ DATABASE_URL: url, SMTP_URL: "smtp://mail.example", MAIL_FROM: "a@b.example" })).toThrow(/BETTER_AUTH_URL is required when SMTP_URL/);
  });
});

describe("webhook targets", () => {
  it("refuses private targets by default; 1 allows them; anything else is refused, naming the variable", () => {
    expect(parseEnv({ DATABASE_URL: url }).LIFTOFF_WEBHOOKS_ALLOW_PRIVATE).toBe("0");
    expect(parseEnv({ DATABASE_URL: url, LIFTOFF_WEBHOOKS_ALLOW_PRIVATE: "1" }).LIFTOFF_WEBHOOKS_ALLOW_PRIVATE).toBe("1");
    expect(() => parseEnv({ DATABASE_URL: url, LIFTOFF_WEBHOOKS_ALLOW_PRIVATE: "yes" })).toThrow(/LIFTOFF_WEBHOOKS_ALLOW_PRIVATE/);
  });
});

describe("single sign-on settings", () => {
  const oidc = { OIDC_ISSUER: "https://login.corp.example/realms/main/", OIDC_CLIENT_ID: "liftoff", OIDC_CLIENT_SECRET: "s3cret", BETTER_AUTH_URL: "https://liftoff.corp.example" };
  it("is off by default, with passwords on", () => {
    const e = parseEnv({ DATABASE_URL: url });
    expect(e.OIDC_ISSUER).toBeUndefined();
    expect(e.LIFTOFF_PASSWORD_SIGNIN).toBe("on");
    expect(e.OIDC_GROUPS_CLAIM).toBe("groups");
  });
  it("reads the issuer (without a trailing slash), client, name, scopes and the admin group", () => {
    const e = parseEnv({ DATABASE_URL: url, ...oidc, OIDC_PROVIDER_NAME: "Okta", OIDC_ADMIN_GROUP: "liftoff-admins", OIDC_GROUPS_CLAIM: "roles" });
    expect(e.OIDC_ISSUER).toBe("https://login.corp.example/realms/main");
    expect(e.OIDC_PROVIDER_NAME).toBe("Okta");
    expect(e.OIDC_SCOPES).toBe("openid email profile");
    expect(e.OIDC_ADMIN_GROUP).toBe("liftoff-admins");
    expect(e.OIDC_GROUPS_CLAIM).toBe("roles");
    expect(parseEnv({ DATABASE_URL: url, ...oidc }).OIDC_PROVIDER_NAME).toBe("SSO");
  });
  it("needs the issuer, client id and secret together, naming what is missing; blank counts as unset", () => {
    expect(() => parseEnv({ DATABASE_URL: url, OIDC_ISSUER: oidc.OIDC_ISSUER, BETTER_AUTH_URL: oidc.BETTER_AUTH_URL })).toThrow(
      /OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are missing: single sign-on needs/,
    );
    expect(() => parseEnv({ DATABASE_URL: url, ...oidc, OIDC_CLIENT_SECRET: " " })).toThrow(/OIDC_CLIENT_SECRET is missing/);
    expect(parseEnv({ DATABASE_URL: url, OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "" }).OIDC_ISSUER).toBeUndefined();
  });
  it("refuses a plain-http issuer except on localhost, and OIDC without BETTER_AUTH_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: url, ...oidc, OIDC_ISSUER: "http://login.corp.example" })).toThrow(/OIDC_ISSUER must start with https/);
    expect(parseEnv({ DATABASE_URL: url, ...oidc, OIDC_ISSUER: "http://127.0.0.1:4000" }).OIDC_ISSUER).toBe("http://127.0.0.1:4000");
    expect(() => parseEnv({ DATABASE_URL: url, ...oidc, BETTER_AUTH_URL: undefined })).toThrow(/BETTER_AUTH_URL is required when OIDC_ISSUER/);
  });
  it("turns passwords off only with single sign-on configured", () => {
    expect(parseEnv({ DATABASE_URL: url, ...oidc, LIFTOFF_PASSWORD_SIGNIN: "off" }).LIFTOFF_PASSWORD_SIGNIN).toBe("off");
    expect(() => parseEnv({ DATABASE_URL: url, LIFTOFF_PASSWORD_SIGNIN: "off" })).toThrow(/LIFTOFF_PASSWORD_SIGNIN=off needs single sign-on configured/);
    expect(() => parseEnv({ DATABASE_URL: url, LIFTOFF_PASSWORD_SIGNIN: "no" })).toThrow(/LIFTOFF_PASSWORD_SIGNIN must be on or off/);
  });
});
