import { db } from "@/lib/db/client";
import { KIND_LABELS, type PreferenceKind } from "@/lib/notifications/kinds";
import { setNotificationPreference } from "@/lib/notifications/preferences";
import { checkUnsubscribeToken } from "@/lib/notifications/unsubscribe";

// Unsubscribe from a mail without signing in: the signed token in `t` names the user and the kind.
// GET shows a confirmation button (link scanners that open every URL in a mail must not unsubscribe
// anyone); POST turns the kind off, both from that button and as RFC 8058 one-click from mail clients
// (List-Unsubscribe-Post). Every answer is a small page with a plain status; nothing here answers 500.

export const dynamic = "force-dynamic";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)} · Liftoff</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#18181b;background:#fafafa}main{max-width:32rem;margin:auto;background:#fff;border:1px solid #e4e4e7;border-radius:.75rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .5rem}button{font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:.5rem;border:0;background:#4f46e5;color:#fff;cursor:pointer}a{color:#4f46e5}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}main{background:#18181b;border-color:#27272a}a{color:#a5b4fc}}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer", "x-robots-tag": "noindex" },
  });
}

const what = (kind: PreferenceKind) => (kind === "all" ? "all notification mail from Liftoff" : `“${KIND_LABELS[kind].label}” mail`);
const settings = `<p>Signed in, you can choose what you get under <a href="/settings/notifications">Settings → Notifications</a>.</p>`;

function refusal(reason: "malformed" | "forged" | "expired"): Response {
  if (reason === "expired") return page(410, "This unsubscribe link has expired", `<p>Links in mails work for a year. Nothing was changed.</p>${settings}`);
  return page(400, "This unsubscribe link is not valid", `<p>It may have been cut off or changed when it was copied. Nothing was changed; open the link from the mail again.</p>${settings}`);
}

function verify(request: Request) {
  const token = new URL(request.url).searchParams.get("t");
  return checkUnsubscribeToken(token);
}

export async function GET(request: Request) {
  try {
    const checked = verify(request);
    if (!checked.ok) return refusal(checked.reason);
    const token = new URL(request.url).searchParams.get("t") ?? "";
    return page(
      200,
      "Unsubscribe",
      `<p>Stop ${escape(what(checked.claim.kind))}?</p><form method="post" action="/unsubscribe?t=${escape(encodeURIComponent(token))}"><button type="submit">Unsubscribe</button></form>${settings}`,
    );
  } catch (error) {
    console.error("[unsubscribe] GET", error);
    return page(503, "Unsubscribing is not available right now", "<p>Nothing was changed. Try again in a few minutes.</p>");
  }
}

export async function POST(request: Request) {
  try {
    const checked = verify(request);
    if (!checked.ok) return refusal(checked.reason);
    const { userId, kind } = checked.claim;
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return page(404, "There is nothing to unsubscribe", "<p>This account no longer exists, so it gets no mail.</p>");
    await setNotificationPreference({ userId, isAdmin: false }, { notificationKind: kind, notificationMode: "OFF" }, "unsubscribe");
    return page(200, "You are unsubscribed", `<p>You will no longer get ${escape(what(kind))}.</p>${settings}`);
  } catch (error) {
    console.error("[unsubscribe] POST", error);
    return page(503, "Unsubscribing did not work this time", "<p>Nothing was changed. Try again in a few minutes.</p>");
  }
}
