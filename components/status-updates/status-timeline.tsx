"use client";
import { useQuery } from "@tanstack/react-query";
import { Megaphone, Plus } from "lucide-react";
import { useRef, useState } from "react";
import { deleteStatusUpdateAction, editStatusUpdateAction, postStatusUpdateAction } from "@/app/(app)/launches/[launchId]/updates/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import { launchQueries } from "@/lib/launches/view-queries";
import type { StatusUpdateDTO } from "@/lib/status-updates/dto";
import { useCanPostUpdates } from "./rights";
import { UpdateEntry } from "./update-entry";
import { UpdateForm } from "./update-form";

// The status-update timeline on the overview: what people outside the team are told (the same updates
// appear on every share link). Reads the statusUpdates cache entry, which the live stream replaces.
export function StatusTimeline({ launchId, zone }: { launchId: string; zone: string }) {
  const canPost = useCanPostUpdates();
  const { data: updates = [], isPending } = useQuery(launchQueries.statusUpdates(launchId));
  const [posting, setPosting] = useState(false);
  const post = useAction();
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setPosting(false);
    // Focus returns to the control that opened the form.
    setTimeout(() => opener.current?.focus(), 0);
  };
  return (
    <Card aria-labelledby="status-updates">
      <CardHeader
        id="status-updates"
        title="Status updates"
        description="Shown to stakeholders here and on share links"
        actions={
          canPost && !posting ? (
            <Button ref={opener} size="sm" variant="secondary" onClick={() => setPosting(true)}>
              <Plus className="size-4" aria-hidden /> Post update
            </Button>
          ) : undefined
        }
      />
      {posting && (
        <div className="border-b border-zinc-200 p-4 dark:border-zinc-800">
          <UpdateForm
            submitLabel="Post update"
            pending={post.pending}
            errors={post.errors}
            onCancel={close}
            onSubmit={(fields) => post.run(() => postStatusUpdateAction({ launchId, ...fields }), { success: "Update posted", showsFieldErrors: true, onSuccess: close })}
          />
        </div>
      )}
      {isPending ? (
        <p className="px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">Loading updates…</p>
      ) : updates.length === 0 ? (
        <EmptyState icon={<Megaphone className="size-8" />} title="No status updates yet">
          {canPost ? "Post one when the launch starts, or when something happens people outside the team should know." : "Managers post updates here as the launch goes."}
        </EmptyState>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Status updates, newest first">
          {updates.map((u) => (
            <li key={u.id} className="px-4 py-3">
              <TimelineItem launchId={launchId} update={u} zone={zone} canEdit={canPost} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function TimelineItem({ launchId, update, zone, canEdit }: { launchId: string; update: StatusUpdateDTO; zone: string; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useAction();
  const remove = useAction();
  const editButton = useRef<HTMLButtonElement>(null);
  if (editing) {
    return (
      <UpdateForm
        initial={update}
        submitLabel="Save changes"
        pending={save.pending}
        errors={save.errors}
        onCancel={() => {
          setEditing(false);
          setTimeout(() => editButton.current?.focus(), 0);
        }}
        onSubmit={(fields) =>
          save.run(() => editStatusUpdateAction({ launchId, updateId: update.id, version: update.version, ...fields }), {
            success: "Update saved",
            showsFieldErrors: true,
            onSuccess: () => setEditing(false),
          })
        }
      />
    );
  }
  return (
    <UpdateEntry
      update={update}
      zone={zone}
      actions={
        canEdit && (
          <span className="ml-auto flex gap-1" data-saving={remove.pending || undefined}>
            <Button ref={editButton} size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit “${update.title}”`}>
              Edit
            </Button>
            {confirming ? (
              <>
                <Button size="sm" variant="danger" disabled={remove.pending} onClick={() => remove.run(() => deleteStatusUpdateAction({ launchId, updateId: update.id }), { success: "Update deleted" })}>
                  {remove.pending ? "Deleting…" : "Confirm delete"}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>Keep</Button>
              </>
            ) : (
              <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete “${update.title}”`}>
                Delete
              </Button>
            )}
          </span>
        )
      }
    />
  );
}
