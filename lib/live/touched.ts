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
  /** Task executions a batch changed (start, finish, skip, fail, reopen): sent as a delta, not the runbook. */
  runbookExec: { runId: string; taskId: string; planFrozen?: true }[];
  /** The point of no return and the live forecast against it (the overview's runbook line) moved. */
  ponr: boolean;
  /** Something readiness is computed from may have changed (false only for batches of readiness-neutral events). */
  readiness: boolean;
  /**
   * Only the listed items' own fields changed (or nothing readiness reads): readiness and the overview's
   * "who must act" can be recomputed from what the instance last read, with those items read afresh.
   */
  itemsOnly: boolean;
};

/**
 * Events that change one item's own fields and nothing else readiness or the overview is computed from.
 * A regression that makes sign-offs stale also writes signoff.stale, which is not one of these.
 */
const ITEM_LOCAL = new Set(["item.status_changed", "item.evidence_changed", "item.assigned", "item.updated", "item.commented", "items.bulk_updated"]);

/**
 * Events that change nothing readiness is computed from (the launch's zone, at-risk hours and runbook rule,
 * sections, items, sign-offs, windows, freezes, the runbook's plan): a task's execution (readiness judges the
 * plan against the window, not the run), a status update, the launch's name or team rules, the go/no-go
 * record, hypercare and incidents. A batch made only of these skips the readiness read.
 */
const NEUTRAL_KINDS = ["status_update.", "go.", "hypercare.", "incident."];
const readinessNeutral = (type: string) => EXECUTION_EVENTS.has(type) || type === "launch.updated" || NEUTRAL_KINDS.some((k) => type.startsWith(k));

/** Execution events: each changes one task's execution in one run, nothing else of the runbook. */
const EXECUTION_EVENTS = new Set(["runbook.task_started", "runbook.task_finished", "runbook.task_skipped", "runbook.task_failed", "runbook.task_reopened"]);

type EventLike = { type: string; payload: Record<string, unknown> };

const str = (v: unknown) => (typeof v === "string" ? v : null);

export function touchedBy(events: readonly EventLike[]): Touched {
  const t: Touched = {
    meta: false, items: new Set(), deletedItemIds: new Set(), sections: false, comments: [],
    groups: false, windows: false, members: false, go: false, overview: false, statusUpdates: false, hypercare: false, runbook: false, runbookExec: [],
    ponr: false, readiness: events.some((e) => !readinessNeutral(e.type)), itemsOnly: false,
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
      case "runbook": {
        const runId = str(payload.runId);
        const taskId = str(payload.taskId);
        // The live run's first execution also freezes its plan (plannedMin): that one sends the runbook whole.
        if (EXECUTION_EVENTS.has(type) && runId && taskId) {
          // The live run's first execution also froze its plan: that delta carries the run's planned durations.
          t.runbookExec.push(payload.planFrozen === true ? { runId, taskId, planFrozen: true } : { runId, taskId });
          t.ponr = true; // the live forecast against the point of no return; the rest of the overview stands
        } else {
          t.runbook = true;
          t.overview = true; // the point of no return and the forecast against it
        }
        break;
      }
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
  if (t.runbook) t.runbookExec = []; // the whole runbook carries them
  t.itemsOnly = t.items !== "all" && t.deletedItemIds.size === 0 && events.every((e) => ITEM_LOCAL.has(e.type) || readinessNeutral(e.type));
  return t;
}
