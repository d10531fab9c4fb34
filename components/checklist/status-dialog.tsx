"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Textarea, fieldAria } from "@/components/ui/field";
import type { ItemStatus } from "@/lib/checklist/types";
import { Sheet } from "./sheet";

export type StatusPrompt = { status: "BLOCKED" | "NOT_APPLICABLE"; subject: string; submit: (reason: string) => Promise<{ ok: boolean; error?: string }> };

const COPY: Record<StatusPrompt["status"], { title: string; label: string; hint: string; action: string }> = {
  BLOCKED: {
    title: "Mark blocked",
    label: "What is blocking it?",
    hint: "Say who or what can unblock it; the whole team sees this.",
    action: "Mark blocked",
  },
  NOT_APPLICABLE: {
    title: "Mark not applicable",
    label: "Why does it not apply?",
    hint: "Approvers read this justification before signing off.",
    action: "Mark not applicable",
  },
};

export function needsReason(status: ItemStatus): status is StatusPrompt["status"] {
  return status === "BLOCKED" || status === "NOT_APPLICABLE";
}

/** Asks for the reason a BLOCKED or NOT_APPLICABLE status needs, and shows the server's refusal in place. */
export function StatusDialog({ prompt, onClose }: { prompt: StatusPrompt | null; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const copy = prompt ? COPY[prompt.status] : COPY.BLOCKED;

  function close() {
    setReason("");
    setError(null);
    onClose();
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!prompt) return;
    if (!reason.trim()) {
      setError(prompt.status === "BLOCKED" ? "Say what is blocking it." : "Give a justification.");
      return;
    }
    setPending(true);
    const result = await prompt.submit(reason.trim());
    setPending(false);
    if (result.ok) close();
    else setError(result.error ?? "Not saved.");
  }

  return (
    <Sheet open={prompt !== null} onOpenChange={(open) => !open && close()} title={copy.title} description={prompt?.subject}>
      <form onSubmit={onSubmit} className="space-y-4">
        <Field id="status-reason" label={copy.label} hint={copy.hint} errors={error ? [error] : undefined}>
          <Textarea {...fieldAria("status-reason", error ? [error] : undefined)} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} autoFocus />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>Cancel</Button>
          <Button type="submit" variant={prompt?.status === "BLOCKED" ? "danger" : "primary"} disabled={pending}>
            {pending ? "Saving…" : copy.action}
          </Button>
        </div>
      </form>
    </Sheet>
  );
}
