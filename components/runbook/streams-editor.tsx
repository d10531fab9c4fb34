"use client";
import { useId, useState } from "react";
import { addStreamAction, deleteStreamAction, renameStreamAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { RunbookDto, RunbookStreamDto } from "@/lib/runbook/dto";
import { ConfirmButton } from "./confirm-button";

function StreamRow({ stream, launchId, count }: { stream: RunbookStreamDto; launchId: string; count: number }) {
  const { run, pending } = useAction();
  const [name, setName] = useState(stream.name);
  const id = useId();
  return (
    <li className="flex flex-wrap items-center gap-2 px-4 py-2" data-saving={pending || undefined} data-testid="stream-row">
      <form
        className="flex min-w-0 flex-1 items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && name.trim() !== stream.name) run(() => renameStreamAction({ launchId, streamId: stream.id, version: stream.version, name: name.trim() }), { success: "Stream renamed." });
        }}
      >
        <label htmlFor={id} className="sr-only">
          Name of stream {stream.name}
        </label>
        <Input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className="h-9 min-w-0 flex-1" />
        {name.trim() !== stream.name && (
          <Button type="submit" size="sm" variant="secondary" disabled={pending || !name.trim()}>
            {pending ? "Saving…" : "Rename"}
          </Button>
        )}
      </form>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{count} {count === 1 ? "task" : "tasks"}</span>
      <ConfirmButton size="sm" confirmLabel="Confirm delete" disabled={pending || count > 0} title={count > 0 ? "Move or delete its tasks first" : undefined} onConfirm={() => run(() => deleteStreamAction({ launchId, streamId: stream.id }), { success: "Stream deleted." })}>
        Delete
      </ConfirmButton>
    </li>
  );
}

/** The parallel lanes of the runbook (Database, App, Network, Comms...). */
export function StreamsEditor({ dto, launchId }: { dto: RunbookDto; launchId: string }) {
  const { run, pending } = useAction();
  const [name, setName] = useState("");
  const id = useId();
  const streams = [...dto.streams].sort((a, b) => a.position - b.position);
  return (
    <Card aria-labelledby="streams">
      <CardHeader id="streams" title="Streams" description="Parallel lanes of work; each task belongs to one." />
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {streams.map((s) => (
          <StreamRow key={s.id} stream={s} launchId={launchId} count={dto.tasks.filter((t) => t.streamId === s.id).length} />
        ))}
      </ul>
      <form
        className="flex flex-wrap items-end gap-2 border-t border-zinc-200 p-4 dark:border-zinc-800"
        data-saving={pending || undefined}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) run(() => addStreamAction({ launchId, name: name.trim() }), { success: "Stream added.", onSuccess: () => setName("") });
        }}
      >
        <div className="min-w-0 flex-1 basis-48">
          <label htmlFor={id} className="block text-sm font-medium">
            New stream
          </label>
          <Input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="Database" />
        </div>
        <Button type="submit" variant="secondary" disabled={pending || !name.trim()}>
          {pending ? "Saving…" : "Add stream"}
        </Button>
      </form>
    </Card>
  );
}
