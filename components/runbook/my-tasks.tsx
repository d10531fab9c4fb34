"use client";
import { ListChecks } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { useRunbookRights } from "./rights";
import { isStartable } from "./startable";
import { TaskCard } from "./task-card";
import { useRunbook } from "./use-runbook";

const OPEN = new Set(["NOT_STARTED", "RUNNING"]);

/** The signed-in member's tasks, their next one first: one tap to start or finish, made for a phone. */
export function MyTasks() {
  const rights = useRunbookRights();
  const { dto, forecast } = useRunbook(rights.launchId);
  if (!dto || !forecast) return null;
  const start = (id: string) => forecast.live.get(id)?.forecastStart.getTime() ?? forecast.planned.get(id)?.plannedStart.getTime() ?? 0;
  const mine = dto.tasks.filter((t) => t.assignees.some((a) => a.userId === rights.userId)).sort((a, b) => start(a.id) - start(b.id));
  const open = mine.filter((t) => OPEN.has(t.status));
  const next = open.find((t) => t.status === "RUNNING") ?? open.find((t) => isStartable(dto, t)) ?? null;
  const rest = open.filter((t) => t !== next);
  const closed = mine.filter((t) => !OPEN.has(t.status));
  if (mine.length === 0) {
    return (
      <EmptyState icon={<ListChecks className="size-8" />} title="No tasks assigned to you" action={<Link href={`/launches/${rights.launchId}/runbook`} className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-300">See the whole run</Link>}>
        Tasks assigned to you in this runbook appear here, your next one first.
      </EmptyState>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-4">
      {next ? (
        <TaskCard dto={dto} task={next} forecast={forecast} highlight />
      ) : (
        open.length > 0 && <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-900">None of your tasks can start yet: each waits for the tasks before it.</p>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="later" className="space-y-3">
          <h2 id="later" className="text-sm font-semibold">Later</h2>
          {rest.map((t) => (
            <TaskCard key={t.id} dto={dto} task={t} forecast={forecast} />
          ))}
        </section>
      )}
      {closed.length > 0 && (
        <section aria-labelledby="finished" className="space-y-3">
          <h2 id="finished" className="text-sm font-semibold">Finished</h2>
          {closed.map((t) => (
            <TaskCard key={t.id} dto={dto} task={t} forecast={forecast} />
          ))}
        </section>
      )}
    </div>
  );
}
