"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { addCommentAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { TimeStamp } from "@/components/time-stamp";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { useMarkOwnEvents } from "@/components/live/live-context";
import type { ChecklistDTO, ItemDetailDTO } from "@/lib/checklist/dto";
import { checklistKeys } from "@/lib/checklist/query-keys";
import { describeEvent } from "@/lib/domain/activity";
import { itemDetailQueryOptions } from "./checklist-query";

/** Comments and the item's history (its own events: who changed what and when), loaded on open. */
export function ItemDiscussion({ checklist, itemId }: { checklist: ChecklistDTO; itemId: string }) {
  const queryClient = useQueryClient();
  const markOwn = useMarkOwnEvents();
  const detail = useQuery(itemDetailQueryOptions(checklist.launchId, itemId));
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setPending(true);
    const result = await addCommentAction({ launchId: checklist.launchId, itemId, body });
    setPending(false);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    setBody("");
    // Shown at once; the live stream's echo (recognised as ours) brings the item's new comment count.
    markOwn(result.eventIds);
    const comment = result.data;
    queryClient.setQueryData<ItemDetailDTO>(checklistKeys.item(checklist.launchId, itemId), (old) =>
      old && !old.comments.some((c) => c.id === comment.id) ? { ...old, comments: [...old.comments, comment] } : old,
    );
  }

  if (detail.isPending) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading comments and history…</p>;
  if (detail.isError) return <p role="alert" className="text-sm text-red-700 dark:text-red-400">{detail.error.message}</p>;
  const { comments, history } = detail.data;
  return (
    <div className="space-y-6">
      <section aria-labelledby="comments-heading" className="space-y-3">
        <h3 id="comments-heading" className="text-sm font-semibold">Comments ({comments.length})</h3>
        {comments.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">No comments yet.</p>}
        <ol className="space-y-3" aria-label="Comments">
          {comments.map((c) => (
            <li key={c.id} className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-800/60">
              <p className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{c.authorName}</span>
                <TimeStamp at={c.at} zone={checklist.timeZone} className="text-xs text-zinc-500 dark:text-zinc-400" />
              </p>
              <p className="mt-1 whitespace-pre-line">{c.body}</p>
            </li>
          ))}
        </ol>
        {checklist.viewer.comment && (
          <form onSubmit={onSubmit} className="space-y-2">
            <label htmlFor="comment-body" className="sr-only">Add a comment</label>
            <Textarea id="comment-body" value={body} onChange={(e) => setBody(e.target.value)} rows={2} maxLength={4000} placeholder="Add a comment…" />
            <div className="flex justify-end">
              <Button type="submit" size="sm" disabled={pending || !body.trim()}>{pending ? "Posting…" : "Comment"}</Button>
            </div>
          </form>
        )}
      </section>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h3 id="history-heading" className="text-sm font-semibold">History</h3>
        <ol className="space-y-1.5 border-l border-zinc-200 pl-3 text-sm dark:border-zinc-700" aria-label="History">
          {history.map((e) => (
            <li key={e.id}>
              <span className="font-medium">{e.actorName ?? "Liftoff"}</span> {describeEvent(e.type, e.payload)}
              <br />
              <TimeStamp at={e.at} zone={checklist.timeZone} className="text-xs text-zinc-500 dark:text-zinc-400" />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
