// Instance admin from an identity-provider group (OIDC_ADMIN_GROUP). Pure, so it is unit-tested without a
// provider; lib/auth/sso.ts applies the decision on every sign-in through the provider.

/**
 * The groups a provider profile lists under `claim`: an array of strings or one string. A dotted name
 * walks nested objects (Keycloak's `realm_access.roles`) when no top-level claim has that exact name.
 */
export function groupsFromProfile(profile: Record<string, unknown> | null | undefined, claim: string): string[] {
  if (!profile) return [];
  let value: unknown = profile[claim];
  if (value === undefined && claim.includes(".")) {
    value = claim.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), profile);
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  return [];
}

export type AdminDecision = "grant" | "revoke" | "keep";

/**
 * With an admin group configured the provider decides, at each sign-in: a member becomes admin, a former
 * member stops being one. An address in LIFTOFF_ADMIN_EMAILS (`pinned`) is never revoked here, and without
 * OIDC_ADMIN_GROUP nothing changes (admins are then made in Liftoff only).
 */
export function adminDecision(input: { groups: readonly string[]; adminGroup: string | undefined; isAdmin: boolean; pinned: boolean }): AdminDecision {
  if (!input.adminGroup) return "keep";
  const member = input.groups.includes(input.adminGroup);
  if (member) return input.isAdmin ? "keep" : "grant";
  return input.isAdmin && !input.pinned ? "revoke" : "keep";
}
