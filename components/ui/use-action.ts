"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useMarkOwnEvents } from "@/components/live/live-context";
import type { FieldErrors } from "@/lib/domain/errors";

type Result<T> = { ok: true; data: T; eventIds?: string[] } | { ok: false; error: string; code?: string; fieldErrors?: FieldErrors; current?: unknown };

export type RunOptions<T> = {
  /** Toasted on success; omit when the screen itself shows the outcome. */
  success?: string;
  onSuccess?: (data: T) => void;
  /** Called on a refusal, after field errors are set; return true to suppress the default toast. */
  onError?: (failure: Extract<Result<T>, { ok: false }>) => boolean | void;
  /** The form shows field errors beside their fields: then a refusal with field errors is not toasted. */
  showsFieldErrors?: boolean;
  /** Re-render server components after success (pages not yet rendered from the query cache). */
  refresh?: boolean;
};

/**
 * The one way a component runs a server action: `pending` while it is in flight (show it on the
 * control), field errors kept for the form (shown beside their fields, not in a toast), other refusals
 * toasted with the server's message.
 */
export function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const markOwn = useMarkOwnEvents();

  function run<T>(action: () => Promise<Result<T>>, opts: RunOptions<T> = {}) {
    startTransition(async () => {
      let result: Result<T>;
      try {
        result = await action();
      } catch {
        // The request itself failed (network, server restarting): nothing was confirmed.
        toast.error("Could not reach the server. Nothing was saved; try again.");
        return;
      }
      if (!result.ok) {
        const fieldErrors = result.fieldErrors ?? {};
        setErrors(fieldErrors);
        if (opts.onError?.(result)) return;
        const besideFields = opts.showsFieldErrors && Object.keys(fieldErrors).some((k) => k !== "_form");
        if (!besideFields) toast.error(result.error);
        return;
      }
      setErrors({});
      // The stream echoes this change back to this tab too: it is recognised as our own.
      markOwn(result.eventIds);
      if (opts.success) toast.success(opts.success);
      opts.onSuccess?.(result.data);
      if (opts.refresh) router.refresh();
    });
  }

  return { run, pending, errors, setErrors };
}
