import "server-only";
import type { GenericOAuthConfig } from "better-auth/plugins/generic-oauth";
import { db } from "@/lib/db/client";
import { env, type Env } from "@/lib/env";
import { grantAdmin, revokeAdmin } from "./admin";
import { adminDecision, groupsFromProfile } from "./sso-groups";

// Single sign-on through one OpenID Connect provider (OIDC_* settings), with better-auth's genericOAuth
// plugin: the button calls signIn.social({ provider: "oidc" }); the provider redirects back to
// <BETTER_AUTH_URL>/api/auth/callback/oidc. A first sign-in creates the account (through the same
// LIFTOFF_SIGNUP gate as a password sign-up); OIDC_ADMIN_GROUP then decides instance admin at every sign-in.

export const SSO_PROVIDER_ID = "oidc";

export function ssoCallbackUrl(e: Env = env()) {
  return `${e.BETTER_AUTH_URL?.replace(/\/+$/, "")}/api/auth/callback/${SSO_PROVIDER_ID}`;
}

/** The genericOAuth provider for these settings, or null when single sign-on is not configured. */
export function ssoProviderConfig(e: Env): GenericOAuthConfig | null {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    providerId: SSO_PROVIDER_ID,
    name: e.OIDC_PROVIDER_NAME,
    discoveryUrl: `${e.OIDC_ISSUER}/.well-known/openid-configuration`,
    // Never fall back to unverified ID tokens when discovery is incomplete.
    requireIdTokenVerification: true,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    // client_secret_basic: the method every OpenID provider must support.
    authentication: "basic",
    scopes: e.OIDC_SCOPES.split(/\s+/).filter(Boolean),
    redirectURI: ssoCallbackUrl(e),
  };
}

/** What the sign-in and sign-up pages offer. */
export function signInOptions(e: Env = env()) {
  const sso = ssoProviderConfig(e);
  return {
    password: e.LIFTOFF_PASSWORD_SIGNIN === "on",
    sso: sso ? { providerId: SSO_PROVIDER_ID, name: e.OIDC_PROVIDER_NAME } : null,
  };
}

// The provider's profile of the sign-in under way, keyed by better-auth's endpoint context: better-auth hands
// the profile to `validateUserInfo`, and the session hook that runs later in the same request applies it.
const pendingProfiles = new WeakMap<object, Record<string, unknown>>();

export function rememberSsoProfile(endpointContext: object | null | undefined, profile: Record<string, unknown> | undefined) {
  if (endpointContext && profile) pendingProfiles.set(endpointContext, profile);
}

/** After a session is created: when it came from single sign-on, apply OIDC_ADMIN_GROUP to the account. */
export async function applySsoAdminGroup(userId: string, endpointContext: object | null | undefined) {
  const profile = endpointContext ? pendingProfiles.get(endpointContext) : undefined;
  const e = env();
  if (!profile || !e.OIDC_ADMIN_GROUP) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, isAdmin: true } });
  if (!user) return;
  const decision = adminDecision({
    groups: groupsFromProfile(profile, e.OIDC_GROUPS_CLAIM),
    adminGroup: e.OIDC_ADMIN_GROUP,
    isAdmin: user.isAdmin,
    pinned: e.LIFTOFF_ADMIN_EMAILS.includes(user.email.toLowerCase()),
  });
  if (decision === "grant") await grantAdmin(user.email, "OIDC_ADMIN_GROUP");
  if (decision === "revoke") {
    const { lastAdmin } = await revokeAdmin(user.email, "OIDC_ADMIN_GROUP");
    if (lastAdmin) console.warn(`[auth] ${user.email} left ${e.OIDC_ADMIN_GROUP} but stays admin: the instance has no other active admin`);
  }
}
