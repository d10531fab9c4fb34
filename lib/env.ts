import { z } from "zod";
import { parseTrustedProxies } from "@/lib/auth/client-ip";

// An empty value counts as unset (a blank line in an env file).
const optionalString = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const emailList = z
  .string()
  .default("")
  .transform((v) => v.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email("LIFTOFF_ADMIN_EMAILS must be a comma-separated list of email addresses")).max(100));

// Validated once at start; a bad value stops the server with a message naming the variable.
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL").refine(
      (u) => /^postgres(ql)?:\/\//.test(u),
      "DATABASE_URL must start with postgresql://",
    ),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
    BETTER_AUTH_URL: z.string().url().optional(),
    AUTH_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
    LIFTOFF_INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
    // Who may create an account: anyone, or only invited addresses (lib/auth/signup-policy.ts).
    LIFTOFF_SIGNUP: z.enum(["open", "invite-only"], "LIFTOFF_SIGNUP must be open or invite-only").default("open"),
    // Made instance admins at start and when they sign up (lib/auth/admin.ts).
    LIFTOFF_ADMIN_EMAILS: emailList,
    // Reverse proxies whose X-Forwarded-For is believed (lib/auth/client-ip.ts); unset: the socket's address.
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        try {
          parseTrustedProxies(v);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    LIFTOFF_HORIZON_PAST_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    LIFTOFF_HORIZON_FUTURE_YEARS: z.coerce.number().int().min(1).max(50).default(5),
    // Outgoing mail (lib/mail): smtp://user:pass@host:587 or smtps://…:465; unset or empty: no mail is sent.
    SMTP_URL: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .string()
        .url("SMTP_URL must be a URL such as smtp://user:password@mail.example:587")
        .refine((u) => /^smtps?:\/\//.test(u), "SMTP_URL must start with smtp:// or smtps://")
        .optional(),
    ),
    // The sender of every mail, e.g. "Liftoff <liftoff@corp.example>". Required with SMTP_URL.
    MAIL_FROM: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().max(320).optional()),
    // Outgoing webhooks may target loopback and private addresses only when this is 1 (SSRF; lib/webhooks/target.ts).
    LIFTOFF_WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1"], "LIFTOFF_WEBHOOKS_ALLOW_PRIVATE must be 0 or 1").default("0"),
    // OpenID Connect single sign-on (lib/auth/sso.ts): all three, or none.
    OIDC_ISSUER: optionalString(
      z
        .string()
        .url("OIDC_ISSUER must be the identity provider's issuer URL, e.g. https://login.corp.example/realms/main")
        .refine((u) => {
          const url = new URL(u);
          return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
        }, "OIDC_ISSUER must start with https:// (http:// only for localhost)")
        .transform((u) => u.replace(/\/+$/, "")),
    ),
    OIDC_CLIENT_ID: optionalString(z.string().max(500)),
    OIDC_CLIENT_SECRET: optionalString(z.string().max(2000)),
    // Shown on the button: "Sign in with <name>".
    OIDC_PROVIDER_NAME: optionalString(z.string().max(60)).default("SSO"),
    OIDC_SCOPES: optionalString(z.string().max(500)).default("openid email profile"),
    // Members of this group (in the ID token or userinfo claim OIDC_GROUPS_CLAIM) are instance admins.
    OIDC_ADMIN_GROUP: optionalString(z.string().max(500)),
    OIDC_GROUPS_CLAIM: optionalString(z.string().max(200)).default("groups"),
    // off: no email + password sign-in or sign-up at all (needs OIDC); on (default): both ways.
    LIFTOFF_PASSWORD_SIGNIN: z.enum(["on", "off"], "LIFTOFF_PASSWORD_SIGNIN must be on or off").default("on"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: "BETTER_AUTH_SECRET is required in production (32+ random characters)",
      });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "MAIL_FROM is required when SMTP_URL is set, e.g. Liftoff <liftoff@corp.example>" });
    }
    if (env.SMTP_URL && !env.BETTER_AUTH_URL) {
      // Links in mails (verification, invitations) must point at the public address, never at a request's Host.
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_URL"], message: "BETTER_AUTH_URL is required when SMTP_URL is set (links in mails point to it)" });
    }
    const oidc = { OIDC_ISSUER: env.OIDC_ISSUER, OIDC_CLIENT_ID: env.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET };
    const missing = Object.entries(oidc).filter(([, v]) => !v).map(([k]) => k);
    if (missing.length > 0 && missing.length < 3) {
      ctx.addIssue({
        code: "custom",
        path: [missing[0]],
        message: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (or none of them)`,
      });
    }
    if (missing.length === 0 && !env.BETTER_AUTH_URL) {
      // The callback URL registered at the identity provider is derived from it, never from a request's Host.
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_URL"], message: "BETTER_AUTH_URL is required when OIDC_ISSUER is set (the provider redirects back to it)" });
    }
    if (env.LIFTOFF_PASSWORD_SIGNIN === "off" && missing.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["LIFTOFF_PASSWORD_SIGNIN"],
        message: "LIFTOFF_PASSWORD_SIGNIN=off needs single sign-on configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), or nobody could sign in",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
