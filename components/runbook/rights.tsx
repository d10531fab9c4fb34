"use client";
import { createContext, useContext } from "react";

/** What the signed-in member may do on this runbook, decided on the server (lib/domain/roles) and
 *  checked again by every action: the screen only hides what would be refused. */
export type RunbookRights = {
  launchId: string;
  zone: string;
  userId: string;
  /** Streams, tasks, dependencies, settings (managers). */
  canEdit: boolean;
  /** Pause, rehearse, decide on rollback, override a fixed start (managers). */
  canRun: boolean;
  /** Execute any task (managers; engineers when they may edit every item). */
  canExecuteAny: boolean;
  /** Execute the tasks assigned to them (engineers). */
  canExecuteOwn: boolean;
};

const RightsContext = createContext<RunbookRights | null>(null);

export function RunbookRightsProvider({ rights, children }: { rights: RunbookRights; children: React.ReactNode }) {
  return <RightsContext.Provider value={rights}>{children}</RightsContext.Provider>;
}

export function useRunbookRights(): RunbookRights {
  const rights = useContext(RightsContext);
  if (!rights) throw new Error("useRunbookRights outside RunbookRightsProvider");
  return rights;
}

export function canExecute(rights: RunbookRights, task: { assignees: { userId: string }[] }): boolean {
  if (rights.canExecuteAny) return true;
  return rights.canExecuteOwn && task.assignees.some((a) => a.userId === rights.userId);
}
