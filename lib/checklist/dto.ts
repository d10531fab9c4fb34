// What the browser gets: plain, serializable shapes (times as ISO strings). Client-safe.
import type { Role } from "@/lib/domain/roles";
import type { ItemStatus } from "./types";

export type ItemDTO = {
  id: string;
  sectionId: string;
  position: number;
  title: string;
  description: string;
  ownerId: string | null;
  /** Stored due: absolute, or minutes from the window start. */
  dueAt: string | null;
  dueOffsetMinutes: number | null;
  /** The due as an instant, resolved against the launch's next window; null if it cannot be yet. */
  dueResolved: string | null;
  required: boolean;
  requiresEvidence: boolean;
  status: ItemStatus;
  statusReason: string | null;
  evidenceNote: string;
  evidenceLinks: string[];
  predecessorIds: string[];
  commentCount: number;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
};

export type SectionDTO = { id: string; title: string; position: number; version: number };
export type MemberDTO = { userId: string; name: string; email: string; role: Role };

export type ViewerRights = {
  userId: string;
  role: Role | null;
  structure: boolean;
  assign: boolean;
  waive: boolean;
  updateAny: boolean;
  updateOwn: boolean;
  comment: boolean;
  saveTemplate: boolean;
};

export type ChecklistDTO = {
  launchId: string;
  timeZone: string;
  windowStartsAt: string | null;
  sections: SectionDTO[];
  items: ItemDTO[];
  members: MemberDTO[];
  viewer: ViewerRights;
};

export type CommentDTO = { id: string; authorName: string; body: string; at: string };
export type HistoryDTO = { id: string; type: string; actorName: string | null; at: string; payload: Record<string, unknown> };
export type ItemDetailDTO = { comments: CommentDTO[]; history: HistoryDTO[] };

export type BulkResult = { updated: string[]; refused: { itemId: string; title: string; message: string }[] };

/** May this viewer change this item's status, evidence? Mirrors canUpdateItem on the server. */
export function canEditItem(viewer: ViewerRights, item: Pick<ItemDTO, "ownerId">) {
  return viewer.updateAny || (viewer.updateOwn && item.ownerId === viewer.userId);
}
