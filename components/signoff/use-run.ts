"use client";
import { useAction } from "@/components/ui/use-action";
import type { FieldErrors } from "@/lib/domain/errors";

type Result = { ok: true; data: unknown; eventIds?: string[] } | { ok: false; error: string; fieldErrors?: FieldErrors };

/**
 * The sign-off forms' way to run an action (a thin wrapper over the shared useAction): the page renders
 * from the query cache, which the live stream patches, so nothing is refreshed after success.
 */
export function useRun() {
  const { run: runAction, pending, errors } = useAction();
  function run(action: () => Promise<Result>, success: string, onDone?: () => void) {
    runAction(action, { success, onSuccess: () => onDone?.() });
  }
  return { run, pending, errors };
}
