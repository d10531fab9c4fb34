"use client";
import { Check, Copy, Link2, MailPlus, Trash2, Users, X } from "lucide-react";
import { useState } from "react";
import {
  addMemberAction,
  changeMemberRoleAction,
  removeMemberAction,
  renewInvitationAction,
  revokeInvitationAction,
} from "@/app/(app)/launches/[launchId]/members/actions";
import { TimeStamp } from "@/components/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { ROLE_HELP, ROLE_LABEL, ROLES, type Role } from "@/lib/domain/roles";
import type { InvitationCreated } from "@/lib/launches/invitations";
import type { PendingInvitation } from "@/lib/launches/invitations-queries";
import type { MemberRow } from "@/lib/launches/dto";

type Props = {
  launchId: string;
  timeZone: string;
  members: MemberRow[];
  invitations: PendingInvitation[];
  currentUserId: string;
  canManage: boolean;
  /** Whether this instance sends mail (SMTP_URL): invitations are then mailed, and addresses verified. */
  mailEnabled: boolean;
};

export function MembersManager({ launchId, timeZone, members, invitations, currentUserId, canManage, mailEnabled }: Props) {
  const { run, pending, errors } = useAction();
  // The link of the invitation just created or renewed: shown once, since only its hash is stored.
  const [created, setCreated] = useState<(InvitationCreated & { renewed: boolean }) | null>(null);

  function onInvite(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const email = String(form.get("email") ?? "");
    const role = String(form.get("role") ?? "") as Role;
    run(() => addMemberAction({ launchId, email, role }), {
      showsFieldErrors: true,
      refresh: true,
      onSuccess: (invitation) => {
        formEl.reset();
        setCreated({ ...invitation, renewed: false });
      },
    });
  }

  return (
    <div className="space-y-5">
      {canManage && (
        <Card aria-labelledby="add-member">
          <CardHeader
            id="add-member"
            title="Invite a member"
            description={
              mailEnabled
                ? "We email them a link. Whoever opens it and signs in with this address, verified, joins with the role you choose."
                : "You get a link to hand over. Whoever signs in with this address and opens it joins with the role you choose."
            }
          />
          {!mailEnabled && (
            <p className="mx-4 mb-1 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-300/60 ring-inset dark:bg-amber-950/50 dark:text-amber-200 dark:ring-amber-700/50" data-testid="mail-off">
              Mail is not set up on this instance (no SMTP_URL), so nothing is emailed: send the link yourself, to this person only.
            </p>
          )}
          <form onSubmit={onInvite} className="grid gap-3 p-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
            <Field id="member-email" label="Email" errors={errors.email}>
              <Input {...fieldAria("member-email", errors.email)} name="email" type="email" required maxLength={254} placeholder="name@company.com" />
            </Field>
            <Field id="member-role" label="Role" errors={errors.role}>
              <Select {...fieldAria("member-role", errors.role)} name="role" defaultValue="ENGINEER">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" disabled={pending}>
              <MailPlus className="size-4" aria-hidden /> Invite
            </Button>
          </form>
          {created && <CreatedLink invitation={created} timeZone={timeZone} mailEnabled={mailEnabled} onClose={() => setCreated(null)} />}
        </Card>
      )}
      {canManage && invitations.length > 0 && (
        <Card aria-labelledby="invitations-title">
          <CardHeader
            id="invitations-title"
            title="Pending invitations"
            description="A new link replaces the old one and restarts the 14 days. Withdrawing stops the link at once."
          />
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Pending invitations">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="invitation-row">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate text-sm font-medium">{inv.email}</p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {ROLE_LABEL[inv.role]} ·{" "}
                    {inv.expired ? (
                      <span className="text-red-700 dark:text-red-400">expired</span>
                    ) : (
                      <>
                        expires <TimeStamp at={inv.expiresAt} zone={timeZone} />
                      </>
                    )}
                    {inv.invitedBy && <> · invited by {inv.invitedBy}</>}
                  </p>
                </div>
                <div className="flex items-center gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    aria-label={`New link for ${inv.email}`}
                    onClick={() =>
                      run(() => renewInvitationAction({ launchId, invitationId: inv.id }), {
                        refresh: true,
                        onSuccess: (renewed) => setCreated({ ...renewed, renewed: true }),
                      })
                    }
                  >
                    <Link2 className="size-4" aria-hidden /> New link
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    aria-label={`Withdraw the invitation for ${inv.email}`}
                    onClick={() => {
                      if (!window.confirm(`Withdraw the invitation for ${inv.email}? The link stops working at once.`)) return;
                      run(() => revokeInvitationAction({ launchId, invitationId: inv.id }), {
                        success: `Invitation for ${inv.email} withdrawn`,
                        refresh: true,
                        onSuccess: () => setCreated((c) => (c?.invitationId === inv.id ? null : c)),
                      });
                    }}
                  >
                    <X className="size-4 text-red-600 dark:text-red-400" aria-hidden /> Withdraw
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card aria-labelledby="members-title">
        <CardHeader
          id="members-title"
          title="Members"
          description={canManage ? "Change a role or remove someone. A launch always keeps at least one manager." : "Only managers can change the team."}
        />
        {members.length === 0 ? (
          <EmptyState icon={<Users className="size-8" />} title="No members" />
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Members">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="member-row">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate text-sm font-medium">
                    {m.name} {m.userId === currentUserId && <span className="text-zinc-500 dark:text-zinc-400">(you)</span>}
                  </p>
                  <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{m.email}</p>
                </div>
                {canManage ? (
                  <div className="flex items-center gap-1">
                    <label className="sr-only" htmlFor={`role-${m.id}`}>
                      Role of {m.name}
                    </label>
                    <Select
                      id={`role-${m.id}`}
                      className="w-36!"
                      value={m.role}
                      disabled={pending}
                      onChange={(e) => {
                        const role = e.target.value as Role;
                        run(() => changeMemberRoleAction({ launchId, memberId: m.id, role }), {
                          success: `${m.name} is now ${ROLE_LABEL[role].toLowerCase()}`,
                          refresh: true,
                        });
                      }}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </Select>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${m.name}`}
                      disabled={pending}
                      onClick={() => {
                        if (!window.confirm(`Remove ${m.name} from this launch? They lose access at once.`)) return;
                        run(() => removeMemberAction({ launchId, memberId: m.id }), { success: `Removed ${m.name}`, refresh: true });
                      }}
                    >
                      <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                    </Button>
                  </div>
                ) : (
                  <Badge tone={m.role === "MANAGER" ? "accent" : "grey"}>
                    <span title={ROLE_HELP[m.role]}>{ROLE_LABEL[m.role]}</span>
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** The link to hand over. The same whether or not the address already has an account: nothing is looked up. */
function CreatedLink({
  invitation,
  timeZone,
  mailEnabled,
  onClose,
}: {
  invitation: InvitationCreated & { renewed: boolean };
  timeZone: string;
  mailEnabled: boolean;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const link = typeof window === "undefined" ? `/invite/${invitation.token}` : `${window.location.origin}/invite/${invitation.token}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard refused (plain http, permissions): the field is selected so the user can copy it.
      document.getElementById("invitation-link")?.focus();
      (document.getElementById("invitation-link") as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div role="status" className="space-y-2 border-t border-zinc-200 bg-accent-50/60 px-4 py-3 dark:border-zinc-800 dark:bg-accent-950/40" data-testid="invitation-created">
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm">
          <strong>{invitation.renewed ? "New invitation link" : "Invitation created"}</strong> for {invitation.email} as{" "}
          {ROLE_LABEL[invitation.role].toLowerCase()}.{" "}
          {invitation.mailed
            ? `We emailed the link to ${invitation.email}.`
            : mailEnabled
              ? "The mail could not be sent: send them this link yourself."
              : "Send them this link."}{" "}
          It works once, for whoever signs in as {invitation.email}, until <TimeStamp at={invitation.expiresAt} zone={timeZone} />.
        </p>
        <Button variant="ghost" size="sm" aria-label="Hide the link" onClick={onClose}>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="invitation-link">
          Invitation link
        </label>
        <Input id="invitation-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />} {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}
