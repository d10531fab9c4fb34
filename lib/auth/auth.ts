import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

// Email + password with sessions in Postgres. OIDC SSO slots in here: add better-auth's `genericOAuth`
// (or `sso`) plugin with the identity provider's issuer, client id and secret from the environment.
function createAuth() {
  const e = env();
  return betterAuth({
    secret: e.BETTER_AUTH_SECRET,
    baseURL: e.BETTER_AUTH_URL,
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, autoSignIn: true },
    user: { additionalFields: { isAdmin: { type: "boolean", input: false, defaultValue: false } } },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      // In Postgres, so the limit holds across instances.
      storage: "database",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: 60, max: e.AUTH_RATE_LIMIT_MAX },
        "/sign-up/email": { window: 60, max: e.AUTH_RATE_LIMIT_MAX },
      },
    },
    advanced: {
      // Secure cookies whenever served over https; LIFTOFF_INSECURE_COOKIES=1 only for plain-http test rigs.
      useSecureCookies: e.NODE_ENV === "production" && e.LIFTOFF_INSECURE_COOKIES !== "1" && (e.BETTER_AUTH_URL ?? "").startsWith("https:"),
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    trustedOrigins: (request) => {
      const origin = request?.headers.get("origin");
      const host = request?.headers.get("host");
      // Same-origin requests from whatever host the instance is reached on (several instances, test ports).
      return origin && host && new URL(origin).host === host ? [origin] : [];
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { auth?: Auth };

/** Created on first use, so building the app needs neither a database nor the secret. */
export function getAuth(): Auth {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}
