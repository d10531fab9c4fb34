import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { mailConfigured } from "@/lib/mail";
import { grantAdmin } from "./admin";
import { CLIENT_IP_HEADER } from "./client-ip";
import { signUpAllowed } from "./signup-policy";
import { applySsoAdminGroup, rememberSsoProfile, SSO_PROVIDER_ID, ssoProviderConfig } from "./sso";
import { sendVerificationMail, VERIFICATION_TTL_SECONDS } from "./verification-mail";

export const DEACTIVATED_MESSAGE = "This account has been deactivated by an instance admin. Ask an admin to reactivate it.";

// Email + password (unless LIFTOFF_PASSWORD_SIGNIN=off) and, with OIDC_* set, single sign-on through one
// OpenID Connect provider (lib/auth/sso.ts), with sessions in Postgres.
function createAuth() {
  const e = env();
  const mail = mailConfigured();
  const sso = ssoProviderConfig(e);
  return betterAuth({
    secret: e.BETTER_AUTH_SECRET,
    baseURL: e.BETTER_AUTH_URL,
    database: prismaAdapter(db, { provider: "postgresql" }),
    // With mail configured an address must be verified before it can sign in (and so before it can accept an
    // invitation for it); without mail (development, air-gapped sites) holding the invitation link is the proof.
    // Off: better-auth itself refuses /sign-in/email and /sign-up/email (400 EMAIL_PASSWORD_DISABLED), not just the UI.
    emailAndPassword: { enabled: e.LIFTOFF_PASSWORD_SIGNIN === "on", minPasswordLength: 10, autoSignIn: true, requireEmailVerification: mail },
    emailVerification: mail
      ? {
          sendOnSignUp: true,
          sendOnSignIn: true,
          autoSignInAfterVerification: true,
          expiresIn: VERIFICATION_TTL_SECONDS,
          sendVerificationEmail: ({ user, url }) => sendVerificationMail(user, url),
        }
      : undefined,
    user: {
      additionalFields: {
        isAdmin: { type: "boolean", input: false, defaultValue: false },
        // Read with every session, so a session made by a sign-in that raced the deactivation is refused too
        // (activeSession below), at no extra query.
        deactivatedAt: { type: "date", required: false, input: false },
      },
      // LIFTOFF_SIGNUP=invite-only: every way of creating an account passes this gate.
      validateUserInfo: async ({ user, source }, endpointContext) => {
        // Single sign-on: keep the provider's profile (its group claim) for the session hook below.
        if (source.oauth?.providerId === SSO_PROVIDER_ID) rememberSsoProfile(endpointContext, source.oauth.profile);
        if (source.action !== "create-user" || typeof user.email !== "string") return;
        const decision = await signUpAllowed(user.email);
        if (!decision.ok) return { error: decision.code, errorDescription: decision.message };
      },
    },
    databaseHooks: {
      user: {
        create: {
          // LIFTOFF_ADMIN_EMAILS: an admin-to-be who signs up after start is granted then (audited).
          after: async (user) => {
            if (!env().LIFTOFF_ADMIN_EMAILS.includes(user.email.toLowerCase())) return;
            await grantAdmin(user.email, "LIFTOFF_ADMIN_EMAILS").catch((error) => console.error("[auth] admin grant failed", error));
          },
        },
      },
      // A deactivated account (lib/admin/users.ts) gets no new session, whichever way it signs in.
      session: {
        create: {
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { deactivatedAt: true } });
            if (user?.deactivatedAt) throw new APIError("FORBIDDEN", { message: DEACTIVATED_MESSAGE, code: "ACCOUNT_DEACTIVATED" });
          },
          // OIDC_ADMIN_GROUP, at every sign-in through the provider (audited; a failure never blocks the sign-in).
          after: async (session, endpointContext) => {
            await applySsoAdminGroup(session.userId, endpointContext).catch((error) => console.error("[auth] admin group sync failed", error));
          },
        },
      },
    },
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
      // A session is read with its user in one statement (a join; Prisma's relationJoins), not two: every
      // page, action and stream reads one.
      database: { joins: true },
      // The client's address as scripts/serve.ts resolved it from the socket (and TRUSTED_PROXIES); a
      // client-sent X-Forwarded-For never chooses the throttling bucket.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Secure cookies whenever served over https; LIFTOFF_INSECURE_COOKIES=1 only for plain-http test rigs.
      useSecureCookies: e.NODE_ENV === "production" && e.LIFTOFF_INSECURE_COOKIES !== "1" && (e.BETTER_AUTH_URL ?? "").startsWith("https:"),
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    trustedOrigins: (request) => {
      const origin = request?.headers.get("origin");
      const host = request?.headers.get("host");
      // Same-origin requests from whatever host the instance is reached on (several instances, test ports).
      // `Origin: null` and malformed origins are simply not trusted (403), never a thrown 500.
      return origin && host && originHost(origin) === host ? [origin] : [];
    },
    plugins: [
      // With mail configured, an address the provider does not vouch for (email_verified) is verified by a mailed
      // link before it gets a session, as with a password sign-up (invitations trust a signed-in address).
      ...(sso ? [genericOAuth({ config: [{ ...sso, requireEmailVerification: mail }] })] : []),
      nextCookies(),
    ],
  });
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null;
  }
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { auth?: Auth };

/** Created on first use, so building the app needs neither a database nor the secret. */
export function getAuth(): Auth {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}

/**
 * The session of a request, unless its account is deactivated. Deactivation deletes the account's sessions
 * and the session hook refuses new ones, but a sign-in already past that hook when the deactivation
 * committed still inserts one: this is what pages, actions and the live feed accept.
 */
export async function activeSession(headers: Headers) {
  const session = await getAuth().api.getSession({ headers });
  if (!session || (session.user as { deactivatedAt?: Date | null }).deactivatedAt) return null;
  return session;
}
