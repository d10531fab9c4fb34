import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/roles";
import { getLaunchForActor } from "@/lib/launches/queries";
import { exportChecklistCsv, type CsvExportItem } from "./csv";
import type { ItemStatus } from "./types";

// The CSV export behind GET /api/launches/:id/checklist.csv. Keys are S<section>-<item> (S2-3), stable
// for a given order, so a file exported, edited and re-imported keeps its predecessor links readable.

export async function exportLaunchCsv(actor: Actor, launchId: string) {
  const launch = await getLaunchForActor(actor, launchId);
  const [sections, items, members] = await Promise.all([
    db.checklistSection.findMany({ where: { launchId: launch.id }, orderBy: { position: "asc" }, select: { id: true, title: true, position: true } }),
    db.checklistItem.findMany({
      where: { launchId: launch.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        sectionId: true,
        title: true,
        description: true,
        ownerId: true,
        dueAt: true,
        dueOffsetMinutes: true,
        required: true,
        requiresEvidence: true,
        status: true,
        statusReason: true,
        evidenceNote: true,
        evidenceLinks: true,
        predecessors: { select: { predecessorId: true } },
      },
    }),
    db.member.findMany({ where: { launchId: launch.id }, select: { userId: true, user: { select: { email: true } } } }),
  ]);
  const sectionIndex = new Map(sections.map((s, i) => [s.id, i + 1]));
  const perSection = new Map<string, number>();
  const rows: CsvExportItem[] = items.map((i) => {
    const n = (perSection.get(i.sectionId) ?? 0) + 1;
    perSection.set(i.sectionId, n);
    return {
      ...i,
      key: `S${sectionIndex.get(i.sectionId)}-${n}`,
      status: i.status as ItemStatus,
      predecessorIds: i.predecessors.map((p) => p.predecessorId),
    };
  });
  const csv = exportChecklistCsv(sections, rows, new Map(members.map((m) => [m.userId, m.user.email])), { timeZone: launch.timeZone });
  const slug = launch.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "launch";
  return { csv, filename: `${slug}-checklist.csv` };
}
