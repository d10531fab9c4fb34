"use client";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import { canEditItem, type ChecklistDTO, type ItemDTO } from "@/lib/checklist/dto";
import { canTake, tickHint } from "@/lib/checklist/take";
import { ITEM_STATUSES, type ItemStatus } from "@/lib/checklist/types";
import { DueLabel } from "./due-label";
import { ItemDiscussion } from "./item-discussion";
import { ItemEditForm } from "./item-edit-form";
import { ItemEvidence } from "./item-evidence";
import { ItemPredecessors } from "./item-predecessors";
import { Sheet } from "./sheet";
import { STATUS_ICON, STATUS_LABEL, StatusBadge } from "./status-meta";
import { TakeItButton } from "./take-it-button";
import type { Outcome } from "./use-checklist-mutations";
import { useEngineersTake } from "./use-engineers-take";

type Props = {
  checklist: ChecklistDTO;
  item: ItemDTO | null;
  now: Date | null;
  onClose: () => void;
  onStatus: (item: ItemDTO, status: ItemStatus) => void;
  onAssign: (item: ItemDTO, ownerId: string | null) => void;
  onEvidence: (item: ItemDTO, note: string, links: string[]) => Promise<Outcome>;
  onRefresh: () => void;
};

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** Everything about one item: status, owner, description, evidence, predecessors, comments, history. */
export function ItemDrawer({ checklist, item, now, onClose, onStatus, onAssign, onEvidence, onRefresh }: Props) {
  const [editing, setEditing] = useState(false);
  const canEdit = item ? canEditItem(checklist.viewer, item) : false;
  const engineersTake = useEngineersTake(checklist.launchId);
  const owner = item?.ownerId ? checklist.members.find((m) => m.userId === item.ownerId) : undefined;
  const section = item ? checklist.sections.find((s) => s.id === item.sectionId) : undefined;
  return (
    <Sheet
      open={item !== null}
      onOpenChange={(open) => {
        if (!open) {
          setEditing(false);
          onClose();
        }
      }}
      side="right"
      title={item?.title ?? ""}
      description={section ? `${section.title} · ${item?.required ? "Required gate" : "Optional"}` : undefined}
    >
      {item && (
        <div className="space-y-4" data-testid="item-drawer">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <StatusBadge status={item.status} />
            <DueLabel item={item} timeZone={checklist.timeZone} now={now} />
          </div>
          {item.statusReason && <p className={cn("rounded-md p-2 text-sm", item.status === "BLOCKED" ? "bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-300" : "bg-zinc-100 dark:bg-zinc-800")}>{item.statusReason}</p>}
          {canEdit && (
            <div className="flex flex-wrap gap-1.5" role="group" aria-label="Set status">
              {ITEM_STATUSES.filter((s) => s !== "NOT_APPLICABLE" || !item.required || checklist.viewer.waive).map((s) => {
                const Icon = STATUS_ICON[s];
                return (
                  <Button key={s} size="sm" variant={item.status === s ? "primary" : "secondary"} aria-pressed={item.status === s} onClick={() => item.status !== s && onStatus(item, s)}>
                    <Icon className="size-4" aria-hidden /> {STATUS_LABEL[s]}
                  </Button>
                );
              })}
            </div>
          )}
          {!canEdit && tickHint(checklist.viewer, item, owner?.name ?? null, engineersTake) && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="edit-hint">
              {tickHint(checklist.viewer, item, owner?.name ?? null, engineersTake)}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">Owner</span>
            {checklist.viewer.assign ? (
              <>
                <label htmlFor="drawer-owner" className="sr-only">Owner</label>
                <Select id="drawer-owner" className="h-8 w-auto! py-1" value={item.ownerId ?? ""} onChange={(e) => onAssign(item, e.target.value || null)}>
                  <option value="">Unassigned</option>
                  {checklist.members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
                </Select>
              </>
            ) : (
              <span className="font-medium">{owner?.name ?? "Unassigned"}</span>
            )}
            {!checklist.viewer.assign && canTake(checklist.viewer.role, item.ownerId, engineersTake) && <TakeItButton launchId={checklist.launchId} item={item} />}
            {item.updatedByName && <span className="text-xs text-zinc-500 dark:text-zinc-400">Last changed by {item.updatedByName}</span>}
          </div>
          {editing ? (
            <ItemEditForm checklist={checklist} item={item} onDone={(saved) => { setEditing(false); if (saved) onRefresh(); }} />
          ) : (
            <Block title="Description">
              <p className="whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{item.description || "No description."}</p>
              {checklist.viewer.structure && (
                <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
                  <Pencil className="size-4" aria-hidden /> Edit item
                </Button>
              )}
            </Block>
          )}
          <Block title="Evidence">
            <ItemEvidence key={item.version} item={item} canEdit={canEdit} onSave={(note, links) => onEvidence(item, note, links)} />
          </Block>
          <Block title="Predecessors">
            <ItemPredecessors item={item} checklist={checklist} onChanged={onRefresh} />
          </Block>
          <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <ItemDiscussion checklist={checklist} itemId={item.id} />
          </div>
        </div>
      )}
    </Sheet>
  );
}
