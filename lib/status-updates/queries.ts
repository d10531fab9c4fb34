import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { StatusUpdateDTO } from "./dto";

/** The timeline keeps the newest updates; older ones stay in the activity log. */
export const UPDATES_LIMIT = 100;

export const UPDATE_SELECT = {
  id: true, title: true, message: true, impact: true, state: true, components: true, version: true, createdAt: true, updatedAt: true,
  author: { select: { name: true } },
} as const;

type Row = {
  id: string; title: string; message: string; impact: StatusUpdateDTO["impact"]; state: StatusUpdateDTO["state"]; components: string[];
  version: number; createdAt: Date; updatedAt: Date; author: { name: string } | null;
};

export function toUpdateDTO(r: Row): StatusUpdateDTO {
  return {
    id: r.id, title: r.title, message: r.message, impact: r.impact, state: r.state, components: r.components,
    authorName: r.author?.name ?? null, version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** Newest first: one query. */
export async function listStatusUpdates(launchId: string, client: Tx | typeof db = db): Promise<StatusUpdateDTO[]> {
  const rows = await client.statusUpdate.findMany({ where: { launchId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: UPDATES_LIMIT, select: UPDATE_SELECT });
  return rows.map(toUpdateDTO);
}
