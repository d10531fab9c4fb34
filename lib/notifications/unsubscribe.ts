import "server-only";
import { env } from "@/lib/env";
import type { PreferenceKind } from "./kinds";
import { signUnsubscribe, verifyUnsubscribe } from "./unsubscribe-token";

// The instance side of unsubscribe tokens: the secret (BETTER_AUTH_SECRET, required in production and set
// by the start scripts) and the public address of the link (BETTER_AUTH_URL, required with SMTP_URL).

function secret(): string {
  const s = env().BETTER_AUTH_SECRET;
  if (!s) throw new Error("BETTER_AUTH_SECRET is required to sign unsubscribe links");
  return s;
}

export function unsubscribeUrl(userId: string, kind: PreferenceKind): string {
  const url = new URL("/unsubscribe", env().BETTER_AUTH_URL);
  url.searchParams.set("t", signUnsubscribe(secret(), userId, kind));
  return url.toString();
}

export function checkUnsubscribeToken(token: unknown) {
  return verifyUnsubscribe(secret(), token);
}

/** A path on this instance as a link for a mail (the path alone when no public address is configured). */
export function absoluteUrl(path: string): string {
  const base = env().BETTER_AUTH_URL;
  return base ? new URL(path, base).toString() : path;
}
