"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { cancelWindowAction, transitionWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/action";
import { nextWindowStatuses, WINDOW_STATUS_LABEL, WINDOW_TRANSITION_LABEL, type WindowStatus } from "@/lib/windows/lifecycle";
import type { WindowDto } from "@/lib/windows/dto";

type Step = Exclude<WindowStatus, "CANCELLED">;

/** Lifecycle buttons for managers; scheduling into a freeze asks for the override reason inline. */
export function WindowControls({ window: w, onEdit }: { window: WindowDto; onEdit: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [needsReason, setNeedsReason] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const ref = { launchId: w.launchId, windowId: w.id, version: w.version };

  function run(action: () => Promise<ActionResult<unknown>>, success: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setNeedsReason(null);
        toast.success(success);
      } else {
        if (result.fieldErrors?.freezeOverrideReason) setNeedsReason(result.error);
        toast.error(result.error);
      }
      // Success or a stale version: either way the card should show the current state.
      router.refresh();
    });
  }

  const steps = nextWindowStatuses(w.status).filter((s): s is Step => s !== "CANCELLED");
  const movable = w.status === "PROPOSED" || w.status === "SCHEDULED";
  return (
    <div className="space-y-3 border-t border-zinc-100 pt-3 dark:border-zinc-800">
      {needsReason && (
        <Field id={`reason-${w.id}`} label="Reason for overriding the freeze" hint={needsReason}>
          <Textarea id={`reason-${w.id}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        {steps.map((to) => (
          <Button
            key={to}
            size="sm"
            variant={to === "ROLLED_BACK" ? "danger" : to === "PROPOSED" ? "secondary" : "primary"}
            disabled={pending}
            onClick={() => run(() => transitionWindowAction({ ...ref, to, freezeOverrideReason: reason }), `Window ${WINDOW_STATUS_LABEL[to].toLowerCase()}`)}
          >
            {WINDOW_TRANSITION_LABEL[to]}
          </Button>
        ))}
        {movable && (
          <Button size="sm" variant="secondary" disabled={pending} onClick={onEdit}>
            Move or edit
          </Button>
        )}
        {nextWindowStatuses(w.status).includes("CANCELLED") && (
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => {
              const why = window.prompt("Cancel this window? Say why (optional); it goes in the activity log.");
              if (why === null) return;
              run(() => cancelWindowAction({ ...ref, reason: why }), "Window cancelled");
            }}
          >
            Cancel window
          </Button>
        )}
      </div>
    </div>
  );
}
