"use client";
import { Pencil, Snowflake, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteFreezeAction } from "@/app/(app)/admin/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Sheet } from "@/components/checklist/sheet";
import type { EnvironmentDto, FreezeDto } from "@/lib/windows/dto";
import { FreezeForm } from "./freeze-form";

/** Freezes (blackouts) for the whole instance or one environment: list, edit, delete, create. */
export function FreezeAdmin({ freezes, environments, timeZones }: { freezes: FreezeDto[]; environments: EnvironmentDto[]; timeZones: string[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState<FreezeDto | null>(null);
  const remove = (f: FreezeDto) =>
    startTransition(async () => {
      if (!window.confirm(`Delete the freeze “${f.reason}”? Windows may then be scheduled in that period.`)) return;
      const result = await deleteFreezeAction({ freezeId: f.id });
      if (!result.ok) toast.error(result.error);
      else toast.success("Freeze deleted");
      router.refresh();
    });
  return (
    <Card aria-labelledby="freezes-title">
      <CardHeader id="freezes-title" title="Freezes" description="Scheduling into a freeze is refused unless a launch manager writes an override reason." />
      {freezes.length === 0 ? (
        <EmptyState icon={<Snowflake className="size-8" />} title="No freezes">
          Add business hours, a release freeze or a year-end blackout below.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Freezes">
          {freezes.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm" data-testid="freeze-row">
              <Snowflake className="size-4 text-amber-600 dark:text-amber-400" aria-hidden />
              {/* At least 12rem for the text: on a phone the badge and buttons wrap below it instead of squeezing it. */}
              <div className="min-w-0 flex-1 basis-48">
                <p className="font-medium">{f.reason}</p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">{f.description}</p>
              </div>
              <Badge tone={f.environment ? "grey" : "amber"}>{f.environment ?? "All environments"}</Badge>
              <div className="flex items-center gap-1">
                <Button variant="ghost" size="sm" aria-label={`Edit freeze ${f.reason}`} onClick={() => setEditing(f)}>
                  <Pencil className="size-4" aria-hidden /> Edit
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Delete freeze ${f.reason}`} disabled={pending} onClick={() => remove(f)}>
                  <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <FreezeForm environments={environments} timeZones={timeZones} />
      <Sheet open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title="Edit freeze" description={editing ? `Now: ${editing.description}` : undefined}>
        {/* Keyed by freeze and version: opened again, the form starts from what is current. */}
        {editing && <FreezeForm key={`${editing.id}:${editing.version}`} environments={environments} timeZones={timeZones} freeze={editing.form} onDone={() => setEditing(null)} />}
      </Sheet>
    </Card>
  );
}
