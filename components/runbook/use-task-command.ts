"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import {
  failTaskAction, finishTaskAction, reopenTaskAction, skipTaskAction, startTaskAction,
} from "@/app/(app)/launches/[launchId]/runbook/actions";
import { useAction } from "@/components/ui/use-action";
import { launchKeys } from "@/lib/launches/query-keys";
import type { RunbookDto, RunbookTaskDto, TaskStatus } from "@/lib/runbook/dto";

export type TaskCommand = "start" | "finish" | "skip" | "fail" | "reopen";

const ACTIONS = { start: startTaskAction, finish: finishTaskAction, skip: skipTaskAction, fail: failTaskAction, reopen: reopenTaskAction };

/**
 * Runs one execution command on one task. Each tap carries a client operation id made once for that tap:
 * when the request dies before any answer (dropped connection), the next tap on the same button reuses
 * it, so the server records one action however often it is retried. Once confirmed, the task's status is
 * written into the cache at once; the live patch that follows brings the server's exact times.
 */
export function useTaskCommand(launchId: string, runId: string | null, task: RunbookTaskDto) {
  const { run, pending, errors, setErrors } = useAction();
  const queryClient = useQueryClient();
  const unanswered = useRef(new Map<string, string>());

  function send(command: TaskCommand, extra: { reason?: string; overrideReason?: string } = {}, opts: { onDone?: () => void; onRefused?: (error: string, code?: string) => boolean | void } = {}) {
    if (!runId) return;
    const key = `${command}:${task.id}:${task.status}:${task.version}`;
    const opId = unanswered.current.get(key) ?? crypto.randomUUID();
    unanswered.current.set(key, opId);
    const version = task.version;
    const input = { launchId, runId, taskId: task.id, opId, ...extra };
    run(
      async () => {
        const result = await (ACTIONS[command] as (i: typeof input) => ReturnType<typeof startTaskAction>)(input);
        unanswered.current.delete(key);
        return result;
      },
      {
        onSuccess: (data) => {
          applyStatus(queryClient, launchId, task.id, version, data.status);
          opts.onDone?.();
        },
        onError: (failure) => opts.onRefused?.(failure.error, failure.code),
      },
    );
  }

  return { send, pending, errors, setErrors };
}

// Only while the live patch has not yet brought a newer version of the task (then it is already right).
function applyStatus(queryClient: ReturnType<typeof useQueryClient>, launchId: string, taskId: string, version: number, status: TaskStatus) {
  const at = new Date().toISOString();
  queryClient.setQueryData<RunbookDto>(launchKeys.runbook(launchId), (dto) => {
    if (!dto) return dto;
    return {
      ...dto,
      tasks: dto.tasks.map((t) => {
        if (t.id !== taskId || t.version !== version || t.status === status) return t;
        if (status === "NOT_STARTED") return { ...t, status, actualStart: null, actualEnd: null };
        if (status === "RUNNING") return { ...t, status, actualStart: t.actualStart ?? at, actualEnd: null };
        if (status === "SKIPPED") return { ...t, status };
        return { ...t, status, actualStart: t.actualStart ?? at, actualEnd: t.actualEnd ?? at };
      }),
    };
  });
}
