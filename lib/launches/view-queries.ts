import { queryOptions } from "@tanstack/react-query";
import type { ChecklistDTO, ItemDetailDTO } from "@/lib/checklist/dto";
import type { HypercareDTO } from "@/lib/hypercare/types";
import type { RunbookDto } from "@/lib/runbook/dto";
import { launchKeys, type ViewPart } from "./query-keys";
import type {
  ActivityEntry, ChangesDTO, GoDecisionView, GroupView, LaunchMetaDTO, MemberRow, OverviewDTO, ReadinessDTO, StatusUpdateDTO, WindowDto,
} from "./view-types";

// One definition per query of a launch page: the key, and how a browser refetches it (a GET route).
// Server pages prefetch the same key with a direct loader (lib/launches/view.ts); the live patcher
// (lib/live/patch.ts) writes the same keys. Client-safe.

export class ViewFetchError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

async function getPart<T>(launchId: string, part: ViewPart, query = ""): Promise<T> {
  const response = await fetch(`/api/launches/${encodeURIComponent(launchId)}/view/${part}${query}`, { headers: { Accept: "application/json" } });
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new ViewFetchError(body.error ?? `Could not load (${response.status}).`, response.status);
  return body;
}

const part = <T>(key: readonly unknown[], launchId: string, name: ViewPart) =>
  queryOptions({ queryKey: key, queryFn: () => getPart<T>(launchId, name) });

export const launchQueries = {
  meta: (id: string) => part<LaunchMetaDTO>(launchKeys.meta(id), id, "meta"),
  readiness: (id: string) => part<ReadinessDTO>(launchKeys.readiness(id), id, "readiness"),
  activity: (id: string) => part<ActivityEntry[]>(launchKeys.activity(id), id, "activity"),
  checklist: (id: string) => part<ChecklistDTO>(launchKeys.checklist(id), id, "checklist"),
  item: (id: string, itemId: string) =>
    queryOptions({ queryKey: launchKeys.item(id, itemId), queryFn: () => getPart<ItemDetailDTO>(id, "item", `?itemId=${encodeURIComponent(itemId)}`) }),
  signoffs: (id: string) => part<GroupView[]>(launchKeys.signoffs(id), id, "signoffs"),
  windows: (id: string) => part<WindowDto[]>(launchKeys.windows(id), id, "windows"),
  members: (id: string) => part<MemberRow[]>(launchKeys.members(id), id, "members"),
  go: (id: string) => part<GoDecisionView[]>(launchKeys.go(id), id, "go"),
  changes: (id: string) => part<ChangesDTO>(launchKeys.changes(id), id, "changes"),
  overview: (id: string) => part<OverviewDTO>(launchKeys.overview(id), id, "overview"),
  statusUpdates: (id: string) => part<StatusUpdateDTO[]>(launchKeys.statusUpdates(id), id, "statusUpdates"),
  hypercare: (id: string) => part<HypercareDTO>(launchKeys.hypercare(id), id, "hypercare"),
  runbook: (id: string) => part<RunbookDto>(launchKeys.runbook(id), id, "runbook"),
};
