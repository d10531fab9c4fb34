import "server-only";
import type { z } from "zod";
import { ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { gateChanged } from "@/lib/server/hooks";
import type { importCsvSchema } from "./checklist.schema";
import { parseChecklistCsv } from "./csv";
import { insertChecklist, type NewSection } from "./insert-checklist";
import { checkStatusChange } from "./transitions";

// CSV import, all or nothing: every problem is reported with its row number and nothing is written.
// append: items join the section with the same title (or a new one); replace: the checklist is deleted
// first. Either way in one transaction with one event.

// A 2,000-row file takes a few seconds, over Prisma's 5 s default on a busy machine; past this limit
// the transaction is rolled back (nothing imported) and the user is told it took too long.
const IMPORT_TX = { timeout: 60_000, maxWait: 10_000 };

export type ImportResult = { sections: number; items: number; mode: "append" | "replace" };

export async function importChecklistCsv(actor: Actor, input: z.output<typeof importCsvSchema>): Promise<ImportResult> {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const { tx, launch } = ctx;
    const members = await tx.member.findMany({ where: { launchId: launch.id }, select: { userId: true, user: { select: { email: true } } } });
    const parsed = parseChecklistCsv(input.csv, { memberEmails: new Set(members.map((m) => m.user.email)) });
    const errors: { row: number; field?: string; message: string }[] = parsed.ok ? [] : [...parsed.errors];
    if (parsed.ok) {
      // Statuses in the file obey the same gates as ticks in the UI (predecessors, evidence).
      const rows = parsed.sections.flatMap((s) => s.items);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      for (const row of rows) {
        const check = checkStatusChange({
          item: { ...row, evidenceNote: row.evidenceNote, evidenceLinks: row.evidenceLinks },
          to: row.status,
          reason: row.statusReason,
          predecessors: row.predecessorKeys.map((k) => ({ id: k, title: byKey.get(k)!.title, status: byKey.get(k)!.status })),
          actorIsManager: true,
        });
        if (!check.ok) errors.push({ row: row.row, message: check.message });
      }
    }
    if (!parsed.ok || errors.length) {
      const sorted = errors.sort((a, b) => a.row - b.row);
      const lines = sorted.map((e) => `Row ${e.row}${e.field ? `, ${e.field}` : ""}: ${e.message}`);
      throw new ValidationError(`The file has ${sorted.length} problem${sorted.length === 1 ? "" : "s"}; nothing was imported. ${lines[0]}`, { csv: lines });
    }
    const userByEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.userId]));
    const sections: NewSection[] = parsed.sections.map((s) => ({
      title: s.title,
      items: s.items.map(({ row: _row, ownerEmail, ...i }) => ({ ...i, ownerId: ownerEmail ? userByEmail.get(ownerEmail.toLowerCase())! : null })),
    }));
    if (input.mode === "replace") await tx.checklistSection.deleteMany({ where: { launchId: launch.id } });
    const inserted = await insertChecklist(tx, launch.id, actor.userId, sections, { mergeByTitle: input.mode === "append" });
    ctx.emit({ type: "checklist.imported", payload: { items: inserted.items, sections: inserted.sections, mode: input.mode } });
    // One gate change per import is enough to make sign-offs stale; hundreds would only repeat it.
    const [first, ...more] = inserted.openRequired;
    // Replacing the checklist invalidates every earlier sign-off, whatever the new file holds.
    if (input.mode === "replace") await gateChanged(ctx, { kind: "checklist_replaced" });
    else if (first) {
      const title = more.length ? `${first.title} (and ${more.length} more required items)` : first.title;
      await gateChanged(ctx, { kind: "required_item_added", itemId: first.id, title });
    }
    return { sections: inserted.sections, items: inserted.items, mode: input.mode };
  }, IMPORT_TX);
  return result;
}
