// Plain shapes shared by the checklist and sign-off logic, so neither depends on Prisma's generated types.

export const ITEM_STATUSES = ["TODO", "IN_PROGRESS", "DONE", "BLOCKED", "NOT_APPLICABLE"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export function isItemStatus(value: string): value is ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(value);
}

/** A gate is resolved when it no longer holds the launch back: done, or waived as not applicable. */
export function isResolved(status: ItemStatus): boolean {
  return status === "DONE" || status === "NOT_APPLICABLE";
}

export type ItemState = {
  id: string;
  title: string;
  sectionId: string;
  required: boolean;
  requiresEvidence: boolean;
  status: ItemStatus;
  /** BLOCKED reason or NOT_APPLICABLE justification. */
  statusReason: string | null;
  ownerId: string | null;
  /** Already resolved to an absolute time (see due.ts `effectiveDue`). */
  dueAt: Date | null;
  evidenceNote: string;
  evidenceLinks: string[];
  predecessorIds: string[];
};

export type SectionState = {
  id: string;
  title: string;
  position: number;
};
