import { launchKeys } from "@/lib/launches/query-keys";

// The checklist's keys are the launch's (one definition: lib/launches/query-keys.ts).
export const checklistKeys = {
  launch: launchKeys.all,
  list: launchKeys.checklist,
  item: launchKeys.item,
};
