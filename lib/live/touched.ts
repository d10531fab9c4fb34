// Which parts of a launch a batch of events changed, from the events alone. Pure: the live batch
// reads exactly these once per instance, and the unit test pins every event type to its parts.

export type Touched = {
  meta: boolean;
  /** Item ids whose DTO changed, or "all" (structure changed: imports, moves, dues re-resolved). */
  items: Set<string> | "all";
  deletedItemIds: Set<string>;
  sections: boolean;
  comments: { itemId: string; commentId: string }[];
  groups: boolean;
  windows: boolean;
  members: boolean;
  go: boolean;
  overview: boolean;
  statusUpdates: boolean;
  hypercare: boolean;
  runbook: boolean;
};

type EventLike = { type: string; payload: Record<string, unknown> };

const str = (v: unknown) => (typeof v === "string" ? v : null);

export function touchedBy(events: readonly EventLike[]): Touched {
  const t: Touched = {
    meta: false, items: new Set(), deletedItemIds: new Set(), sections: false, comments: [],
    groups: false, windows: false, members: false, go: false, overview: false, statusUpdates: false, hypercare: false, runbook: false,
  };
  const allItems = () => (t.items = "all");
  const item = (id: unknown) => {
    const s = str(id);
    if (s && t.items !== "all") t.items.add(s);
  };
  for (const { type, payload } of events) {
    const [kind] = type.split(".");
    switch (kind) {
      case "item":
        if (type === "item.deleted") {
          const id = str(payload.itemId);
          if (id) t.deletedItemIds.add(id);
        } else if (type === "item.moved") allItems(); // positions of its neighbours change too
        else item(payload.itemId);
        if (type === "item.commented" && str(payload.itemId) && str(payload.commentId)) {
          t.comments.push({ itemId: payload.itemId as string, commentId: payload.commentId as string });
        }
        t.overview = true;
        break;
      case "items":
        if (Array.isArray(payload.itemIds)) payload.itemIds.forEach(item);
        else allItems();
        t.overview = true;
        break;
      case "section":
        t.sections = true;
        if (type === "section.deleted") allItems(); // its items went with it
        t.overview = true;
        break;
      case "checklist":
      case "template":
        if (type === "template.saved") break; // a copy elsewhere; this launch did not change
        t.sections = true;
        allItems();
        t.overview = true;
        break;
      case "signoff":
        t.groups = true;
        t.overview = true;
        break;
      case "window":
        t.windows = true;
        t.runbook = true; // the runbook is timed in the window
        allItems(); // relative dues resolve against the window's start
        t.overview = true;
        break;
      case "member":
      case "invitation":
        t.members = true;
        t.groups = true; // approvers are members
        t.runbook = true; // who may be assigned, and assignees' names
        t.overview = true;
        if (type !== "invitation.created" && type !== "invitation.revoked" && type !== "invitation.renewed") allItems(); // owner names
        break;
      case "go":
        t.go = true;
        t.meta = true;
        break;
      case "status_update":
        t.statusUpdates = true;
        break;
      case "hypercare":
      case "incident":
        t.hypercare = true;
        break;
      case "runbook":
        t.runbook = true;
        t.overview = true; // the point of no return and the forecast against it
        break;
      case "launch":
        t.meta = true;
        if (type === "launch.status_changed") t.go = t.hypercare = true; // the hypercare page shows the status
        break;
      default:
        // Unknown kinds change nothing a page shows beyond the activity list.
        break;
    }
  }
  if (t.items !== "all") for (const id of t.deletedItemIds) t.items.delete(id);
  return t;
}
