"use client";
import { Pause, Play } from "lucide-react";
import { useId, useRef, useState } from "react";
import { pauseRunbookAction, resumeRunbookAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { RunbookDto } from "@/lib/runbook/dto";
import { useRunbookRights } from "./rights";

/** Managers pause the whole runbook with a message everyone sees, and resume it. */
export function RunControls({ dto }: { dto: RunbookDto }) {
  const rights = useRunbookRights();
  const { run, pending } = useAction();
  const [message, setMessage] = useState("");
  const id = useId();
  const opId = useRef<string | null>(null);
  if (!rights.canRun || !dto.runbook) return null;
  const paused = dto.runbook.paused;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        const text = message.trim();
        if (!text) return;
        opId.current ??= crypto.randomUUID();
        const input = { launchId: rights.launchId, opId: opId.current, message: text };
        run(
          async () => {
            const r = await (paused ? resumeRunbookAction(input) : pauseRunbookAction(input));
            opId.current = null;
            return r;
          },
          { success: paused ? "Runbook resumed." : "Runbook paused.", onSuccess: () => setMessage("") },
        );
      }}
    >
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor={id} className="block text-sm font-medium">
          {paused ? "Message for resuming" : "Message for pausing"}
        </label>
        <Input id={id} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} placeholder={paused ? "Back on track: continuing" : "Holding for the payment provider"} />
      </div>
      <Button type="submit" variant={paused ? "primary" : "secondary"} disabled={pending || !message.trim()}>
        {paused ? <Play className="size-4" aria-hidden /> : <Pause className="size-4" aria-hidden />}
        {pending ? "Saving…" : paused ? "Resume runbook" : "Pause runbook"}
      </Button>
    </form>
  );
}
