import Link from "next/link";
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { ROLE_HELP, ROLE_LABEL } from "@/lib/domain/roles";
import { previewInvitation } from "@/lib/launches/invitations-queries";
import { mailConfigured } from "@/lib/mail";
import { AcceptButton, SwitchAccountButton } from "./invite-actions";

// The token in this URL is a secret: never send it on as a referrer, never index the page.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false, follow: false } };

const linkClass = "font-medium text-accent-600 hover:underline dark:text-accent-400";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getSessionUser();
  const invitation = await previewInvitation(token, user?.id ?? null);
  const here = `/invite/${token}`;

  if (!invitation.found) {
    return (
      <Card className="space-y-3 p-6">
        <h1 className="text-xl font-semibold">This invitation link is not valid</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          It may have been mistyped, or replaced by a newer link. Ask the launch&apos;s manager to send you a new one.
        </p>
        <Link className={linkClass} href="/">
          Go to Liftoff
        </Link>
      </Card>
    );
  }

  const role = ROLE_LABEL[invitation.role];
  const joined = invitation.acceptedByViewer;
  const closed = !joined && invitation.status !== "pending";
  const message =
    invitation.refusal?.message ??
    (closed
      ? {
          accepted: "This invitation has already been used. Ask the launch's manager for a new invitation.",
          revoked: "This invitation was withdrawn. Ask the launch's manager for a new invitation.",
          expired: "This invitation has expired. Ask the launch's manager for a new invitation.",
          pending: "",
        }[invitation.status]
      : null);

  return (
    <Card className="space-y-4 p-6">
      <div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{invitation.invitedBy ? `${invitation.invitedBy} invited you to` : "You are invited to"}</p>
        <h1 className="text-xl font-semibold">{invitation.launchName}</h1>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Role</dt>
        <dd>
          <strong>{role}</strong> <span className="text-zinc-600 dark:text-zinc-400">· {ROLE_HELP[invitation.role]}</span>
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">For</dt>
        <dd className="break-all">{invitation.email}</dd>
      </dl>
      {joined ? (
        <p role="status" className="text-sm">
          You have joined this launch.{" "}
          <Link className={linkClass} href={`/launches/${invitation.launchId}`}>
            Open the launch
          </Link>
        </p>
      ) : message ? (
        <>
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-300">
            {message}
          </p>
          {invitation.refusal?.kind === "wrong-account" && <SwitchAccountButton next={here} />}
        </>
      ) : user ? (
        <AcceptButton token={token} launchName={invitation.launchName} />
      ) : (
        <div className="space-y-3 text-sm">
          <p>
            Sign in, or create your account, with <strong className="break-all">{invitation.email}</strong> to accept.
            {mailConfigured() && " We email that address a link to verify it first."}
          </p>
          <div className="grid grid-cols-2 gap-2">
            <Link className="inline-flex h-10 items-center justify-center rounded-md bg-accent-600 px-3 font-medium text-white hover:bg-accent-700" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              Sign in
            </Link>
            <Link className="inline-flex h-10 items-center justify-center rounded-md px-3 font-medium ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800" href={`/sign-up?next=${encodeURIComponent(here)}`}>
              Create an account
            </Link>
          </div>
        </div>
      )}
    </Card>
  );
}
