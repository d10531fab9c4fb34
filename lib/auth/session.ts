import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { activeSession } from "@/lib/auth/auth";
import { UnauthenticatedError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";

export type SessionUser = { id: string; name: string; email: string; isAdmin: boolean };

/** The signed-in user, read from the session cookie and checked against Postgres; once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // headers() first: it marks the page dynamic before anything touches the database or secrets.
  const requestHeaders = await headers();
  const session = await activeSession(requestHeaders);
  if (!session) return null;
  const u = session.user as typeof session.user & { isAdmin?: boolean };
  return { id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin === true };
});

export async function requireActor(): Promise<Actor & { user: SessionUser }> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return { userId: user.id, isAdmin: user.isAdmin, user };
}

/** For pages: send signed-out visitors to sign in. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/**
 * For pages: the actor, or a redirect to sign in. One object per request (React cache), so what is cached
 * per actor and launch (getLaunchForActor) is read once for the layout and its page, not once each.
 */
export const requirePageActor = cache(async (): Promise<Actor & { user: SessionUser }> => {
  const user = await requirePageUser();
  return { userId: user.id, isAdmin: user.isAdmin, user };
});
