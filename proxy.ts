import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

// Optimistic only: sends visitors without a session cookie to sign in. It is not a security boundary;
// every page, action and route handler checks the session and the resource again.
const PUBLIC = ["/sign-in", "/sign-up"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // An invitation page works signed out: it offers sign-in and sign-up that come back to it.
  // A share link is read-only and authorized by its token alone (app/(share)); so is an unsubscribe link (app/unsubscribe).
  if (PUBLIC.some((p) => pathname === p) || pathname.startsWith("/invite/") || pathname.startsWith("/share/") || pathname === "/unsubscribe") return NextResponse.next();
  if (getSessionCookie(request)) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  // The same sanitiser the sign-in form applies: a request for "//evil.example" must not become ?next=//evil.example.
  const next = safeRedirectPath(pathname + search, "/");
  if (next !== "/") url.searchParams.set("next", next);
  return NextResponse.redirect(url);
}

export const config = {
  // API routes answer 401 themselves; static assets and the feed (secret-token auth) pass through.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
