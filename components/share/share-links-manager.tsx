"use client";
import { ExternalLink, Link2, Monitor } from "lucide-react";
import { ShownOnce } from "@/components/ui/shown-once";
import { useState } from "react";
import { createShareLinkAction, revokeShareLinkAction } from "@/app/(app)/launches/[launchId]/share/actions";
import { TimeStamp } from "@/components/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ShareLinkRow } from "@/lib/share/links";
import { EXPIRY_CHOICES } from "@/lib/share/schema";

const STATE: Record<ShareLinkRow["state"], { tone: "green" | "grey" | "red"; label: string }> = {
  ACTIVE: { tone: "green", label: "Active" },
  EXPIRED: { tone: "grey", label: "Expired" },
  REVOKED: { tone: "red", label: "Revoked" },
};

/** Create (the link is shown once), list and revoke a launch's read-only share links. */
export function ShareLinksManager({ launchId, links, zone, readOnly }: { launchId: string; links: ShareLinkRow[]; zone: string; readOnly: boolean }) {
  const create = useAction();
  const [name, setName] = useState("");
  const [hours, setHours] = useState(0);
  const [showNames, setShowNames] = useState(false);
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  return (
    <div className="space-y-5">
      <Card aria-labelledby="new-share-link">
        <CardHeader id="new-share-link" title="Share this launch's status" description="A read-only page for people without an account: readiness and its reasons, the window, progress by section and your status updates. Nothing else: no comments, no evidence, and no names unless you allow them." />
        {readOnly ? (
          <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">This launch is closed; new links cannot be created. Existing links keep working until revoked.</p>
        ) : (
          <form
            className="grid gap-3 p-4 sm:grid-cols-2"
            data-saving={create.pending || undefined}
            onSubmit={(e) => {
              e.preventDefault();
              create.run(() => createShareLinkAction({ launchId, name, expiresInHours: hours, showNames }), {
                showsFieldErrors: true,
                refresh: true,
                onSuccess: ({ token }) => {
                  setCreated({ name, url: `${window.location.origin}/share/${token}` });
                  setName("");
                },
              });
            }}
          >
            <Field id="share-name" label="Name" hint="Who it is for, e.g. “Support desk” or “Partner bank”" errors={create.errors.name}>
              <Input {...fieldAria("share-name", create.errors.name)} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
            </Field>
            <Field id="share-expiry" label="Expires" errors={create.errors.expiresInHours}>
              <Select {...fieldAria("share-expiry", create.errors.expiresInHours)} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                {EXPIRY_CHOICES.map((c) => <option key={c.hours} value={c.hours}>{c.label}</option>)}
              </Select>
            </Field>
            <label className="flex items-start gap-2 text-sm sm:col-span-2">
              <input type="checkbox" className="mt-0.5 size-4 accent-accent-600" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} />
              <span>Show who posted each status update (people&apos;s names). Off by default.</span>
            </label>
            <div className="sm:col-span-2">
              <Button type="submit" disabled={create.pending}>
                <Link2 className="size-4" aria-hidden /> {create.pending ? "Creating…" : "Create link"}
              </Button>
            </div>
          </form>
        )}
      </Card>
      {created && <CreatedLink name={created.name} url={created.url} onDone={() => setCreated(null)} />}
      <Card aria-labelledby="share-links">
        <CardHeader id="share-links" title="Links" description={`${links.filter((l) => l.state === "ACTIVE").length} active`} />
        {links.length === 0 ? (
          <EmptyState icon={<Link2 className="size-8" />} title="No share links yet">Create one above and send it to the people who should follow this launch.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {links.map((l) => <LinkRow key={l.id} launchId={launchId} link={l} zone={zone} />)}
          </ul>
        )}
      </Card>
    </div>
  );
}

function CreatedLink({ name, url, onDone }: { name: string; url: string; onDone: () => void }) {
  return (
    <ShownOnce
      title={<>Link “{name}” created: copy it now</>}
      note="It is shown only once; Liftoff keeps only a fingerprint of it. Lost it? Revoke it and create another."
      value={url}
      label="Share link"
      testId="share-url"
      onDone={onDone}
      actions={
        <>
          <a href={url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 font-medium text-accent-600 hover:underline dark:text-accent-400">
            <ExternalLink className="size-4" aria-hidden /> Open
          </a>
          <a href={`${url}/wall`} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 font-medium text-accent-600 hover:underline dark:text-accent-400">
            <Monitor className="size-4" aria-hidden /> Open as a wall screen
          </a>
        </>
      }
    />
  );
}

function LinkRow({ launchId, link, zone }: { launchId: string; link: ShareLinkRow; zone: string }) {
  const revoke = useAction();
  const [confirming, setConfirming] = useState(false);
  const s = STATE[link.state];
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-saving={revoke.pending || undefined}>
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-words">{link.name}</span>
          <Badge tone={s.tone}>{s.label}</Badge>
          {link.showNames && <Badge tone="blue">Shows names</Badge>}
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Created <TimeStamp at={link.createdAt} zone={zone} />
          {link.createdByName && <> by {link.createdByName}</>}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {link.revokedAt ? <>Revoked <TimeStamp at={link.revokedAt} zone={zone} /></> : link.expiresAt ? <>{link.state === "EXPIRED" ? "Expired" : "Expires"} <TimeStamp at={link.expiresAt} zone={zone} /></> : "Never expires"}
        </p>
      </div>
      {link.state === "ACTIVE" && (
        <div className="flex gap-2">
          {confirming ? (
            <>
              <Button size="sm" variant="danger" disabled={revoke.pending} onClick={() => revoke.run(() => revokeShareLinkAction({ launchId, linkId: link.id }), { success: `“${link.name}” revoked`, refresh: true })}>
                {revoke.pending ? "Revoking…" : "Confirm revoke"}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>Keep</Button>
            </>
          ) : (
            <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke “${link.name}”`}>Revoke</Button>
          )}
        </div>
      )}
    </li>
  );
}
