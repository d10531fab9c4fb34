"use client";
import { useState } from "react";
import { transitionLaunchAction } from "@/app/(app)/launches/[launchId]/go-no-go/actions";
import { Button } from "@/components/ui/button";
import { nextStates, requiresGoDecision, STATE_INFO, type LaunchState } from "@/lib/signoff/lifecycle";
import { useRun } from "./use-run";

const VERB: Partial<Record<LaunchState, string>> = {
  PLANNING: "Replan",
  IN_WINDOW: "Start the window",
  LIVE: "Mark live",
  HYPERCARE: "Start hypercare",
  CLOSED: "Close the launch",
  ROLLED_BACK: "Roll back",
  CANCELLED: "Cancel the launch",
};

/**
 * The lifecycle moves open from here; GO and NO-GO are recorded with the decision form instead. There is
 * no "ready" button: readiness is computed from the gates, and a launch is planning until its go/no-go.
 */
export function LifecycleButtons({ launchId, status }: { launchId: string; status: LaunchState }) {
  const { run, pending } = useRun();
  const [clicked, setClicked] = useState<LaunchState | null>(null);
  const moves = nextStates(status).filter((to) => !requiresGoDecision(status, to));
  if (moves.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{STATE_INFO[status].description}</p>;
  return (
    <div className="flex flex-wrap gap-2">
      {moves.map((to) => {
        const danger = to === "CANCELLED" || to === "ROLLED_BACK";
        const label = VERB[to] ?? STATE_INFO[to].label;
        return (
          <Button
            key={to}
            variant={danger ? "danger" : "secondary"}
            size="sm"
            disabled={pending}
            pending={pending && clicked === to}
            title={STATE_INFO[to].description}
            onClick={() => {
              if (danger && !window.confirm(`${label}? ${STATE_INFO[to].description}`)) return;
              setClicked(to);
              run(() => transitionLaunchAction({ launchId, to, from: status }), `The launch is now “${STATE_INFO[to].label}”`);
            }}
          >
            {label}
          </Button>
        );
      })}
    </div>
  );
}
