// Shapes of the launch's query-cache entries and of the live patches that update them. Client-safe:
// type-only imports, no server code.
import type { ItemDTO, MemberDTO, SectionDTO, CommentDTO } from "@/lib/checklist/dto";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import type { PendingPerson } from "@/components/launches/who-must-act";
import type { ChangeEntry, GoDecisionView } from "@/lib/signoff/dto";
import type { GroupView } from "@/lib/signoff/dto";
import type { WindowDto } from "@/lib/windows/dto";
import type { StatusUpdateDTO } from "@/lib/status-updates/dto";
import type { HypercareDTO } from "@/lib/hypercare/types";
import type { RunbookDto, RunbookExecDelta, RunbookPonrDto } from "@/lib/runbook/dto";
import type { ActivityEntry, MemberRow } from "./queries";
import type { OverviewDelta, ReadinessDelta } from "@/lib/live/delta";

export type { ActivityEntry, ChangeEntry, GoDecisionView, GroupView, MemberRow, PendingPerson, ReadinessDTO, StatusUpdateDTO, WindowDto };

/** What every launch page's header shows, kept live. */
export type LaunchMetaDTO = {
  id: string;
  name: string;
  system: string;
  description: string;
  status: string;
  timeZone: string;
  goOverride: string | null;
  /** Engineers may "Take it" on unassigned checks (a manager's setting; live, so checklists follow it). */
  engineersTake: boolean;
};

/** runbook: the point of no return and whether a rollback still fits (null: the launch has no runbook). */
export type OverviewDTO = { window: WindowDto | null; pending: PendingPerson[]; runbook: RunbookPonrDto | null };
export type ChangesDTO = { since: string | null; entries: ChangeEntry[] };

/** A live event as the stream carries it (also an activity entry). */
export type LiveEventDTO = ActivityEntry & { actorId: string | null };

/**
 * The changed entities of one batch, read and encoded once per instance (never per viewer). Absent
 * fields did not change. Lists (sections, groups, windows, members, go) are sent whole: they are short.
 */
export type LivePatch = {
  meta?: LaunchMetaDTO;
  /**
   * Whole in the instance's first batch for the launch and in a stream's replay; otherwise, when it
   * changed since the instance last sent it for this launch, only how (`readinessDelta`, lib/live/delta.ts).
   */
  readiness?: ReadinessDTO;
  readinessDelta?: ReadinessDelta;
  items?: ItemDTO[];
  /** `items` is the whole checklist (an import, a template, a moved window re-resolving dues). */
  itemsComplete?: boolean;
  deletedItemIds?: string[];
  sections?: SectionDTO[];
  checklistMembers?: MemberDTO[];
  comments?: { itemId: string; comment: CommentDTO }[];
  groups?: GroupView[];
  windows?: WindowDto[];
  members?: MemberRow[];
  go?: GoDecisionView[];
  /** Whole or as `overviewDelta`, as readiness. */
  overview?: OverviewDTO;
  overviewDelta?: OverviewDelta;
  /** The launch's status updates, newest first (the timeline is short: sent whole). */
  statusUpdates?: StatusUpdateDTO[];
  /** Hypercare's record, criteria and incident log (sent whole: a few dozen rows at most). */
  hypercare?: HypercareDTO;
  /** The runbook (sent whole when its plan changed; the browser recomputes the forecast from it). */
  runbook?: RunbookDto;
  /** Task executions that changed (start, finish, skip, fail, reopen): merged into the cached runbook. */
  runbookExec?: RunbookExecDelta[];
  /** The overview's runbook line alone (a batch of executions moves the forecast, nothing else of the overview). */
  ponr?: RunbookPonrDto;
};

/** One SSE `change` message: the batch's events (oldest first) and what they changed. */
export type LiveMessage = { events: LiveEventDTO[]; patch: LivePatch };
