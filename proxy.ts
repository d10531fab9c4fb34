import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: sends visitors without a session cookie to sign in. It is not a security boundary;
// every page, action and route handler checks the session and the resource again.
const PUBLIC = ["/sign-in", "/sign-up"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => pathname === p)) return NextResponse.next();
  if (getSessionCookie(request)) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  if (pathname !== "/") url.searchParams.set("next", pathname + search);
  return NextResponse.redirect(url);
}

export const config = {
  // API routes answer 401 themselves; static assets and the feed (secret-token auth) pass through.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
