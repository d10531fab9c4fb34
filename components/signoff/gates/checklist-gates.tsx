import { Card, CardHeader } from "@/components/ui/card";
import type { ItemDTO, SectionDTO } from "@/lib/checklist/dto";
import { isResolved } from "@/lib/checklist/types";
import { EvidenceLinks } from "./evidence-links";
import { GateMark } from "./gate-mark";

const STATUS: Record<string, string> = { TODO: "To do", IN_PROGRESS: "In progress", DONE: "Done", BLOCKED: "Blocked", NOT_APPLICABLE: "Not applicable" };

/** Every required checklist item, by section: pass when done or waived, with its evidence. */
type GateItem = Pick<ItemDTO, "id" | "title" | "sectionId" | "required" | "status" | "statusReason" | "evidenceNote" | "evidenceLinks">;

export function ChecklistGates({ items, sections }: { items: readonly GateItem[]; sections: readonly Pick<SectionDTO, "id" | "title">[] }) {
  const required = items.filter((i) => i.required);
  const passed = required.filter((i) => isResolved(i.status)).length;
  return (
    <Card aria-labelledby="gate-checklist" className="print:break-inside-avoid-page print:shadow-none">
      <CardHeader id="gate-checklist" title="Checklist gates" description={`${passed} of ${required.length} required items resolved`} />
      {required.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">No required items. Add the checks that must pass to the checklist.</p>
      ) : (
        sections.map((s) => {
          const own = required.filter((i) => i.sectionId === s.id);
          if (own.length === 0) return null;
          return (
            <div key={s.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <h3 className="bg-zinc-50 px-4 py-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400 print:bg-white">{s.title}</h3>
              <ul>
                {own.map((i) => (
                  <li key={i.id} className="flex gap-3 px-4 py-2 text-sm" data-testid="checklist-gate" data-pass={isResolved(i.status)}>
                    <GateMark pass={isResolved(i.status)} />
                    <div className="min-w-0">
                      <p>
                        <span className="font-medium">{i.title}</span>{" "}
                        <span className="text-zinc-500 dark:text-zinc-400">· {STATUS[i.status]}{i.statusReason ? `: ${i.statusReason}` : ""}</span>
                      </p>
                      {i.evidenceNote && <p className="text-xs text-zinc-600 dark:text-zinc-400">{i.evidenceNote}</p>}
                      <EvidenceLinks links={i.evidenceLinks} label={`Evidence for ${i.title}`} />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </Card>
  );
}
