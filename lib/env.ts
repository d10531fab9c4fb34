import { z } from "zod";
import { parseTrustedProxies } from "@/lib/auth/client-ip";

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
