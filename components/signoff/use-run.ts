"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { FieldErrors } from "@/lib/domain/errors";

type Result = { ok: boolean; error?: string; fieldErrors?: FieldErrors };

/** Runs a server action: the error is toasted and its field errors kept; success toasts and refreshes. */
export function useRun() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  function run(action: () => Promise<Result>, success: string, onDone?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error ?? "That did not work.");
        return;
      }
      setErrors({});
      toast.success(success);
      onDone?.();
      router.refresh();
    });
  }
  return { run, pending, errors };
}
