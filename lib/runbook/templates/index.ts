// The built-in runbook templates (issue 12). Pure data, validated by templates.test.ts.
import type { RunbookTemplateKey } from "../dto";
import type { PlanInput } from "../plan-input";
import { databaseMigration } from "./database-migration";
import { toPlan, type RunbookTemplate } from "./define";
import { webPlatformCutover } from "./web-platform-cutover";

export const RUNBOOK_TEMPLATES: readonly RunbookTemplate[] = [webPlatformCutover, databaseMigration];

export function runbookTemplate(key: RunbookTemplateKey): RunbookTemplate & { plan: PlanInput } {
  const t = RUNBOOK_TEMPLATES.find((x) => x.key === key);
  if (!t) throw new Error(`Unknown runbook template ${key}`);
  return { ...t, plan: toPlan(t) };
}

/** For pickers: key, name, description, task count. */
export function runbookTemplateList() {
  return RUNBOOK_TEMPLATES.map((t) => ({ key: t.key, name: t.name, description: t.description, tasks: t.streams.reduce((n, s) => n + s.tasks.length, 0) }));
}

/**
 * Built-in checklist templates that come with a runbook: a launch created from one gets that runbook and
 * runbookRequired on (readiness then counts "no runbook" for it). Every other launch starts with the
 * setting off, so launches without a runbook keep reaching READY as before.
 */
export const CHECKLIST_TEMPLATE_RUNBOOK: Readonly<Record<string, RunbookTemplateKey>> = {
  "builtin-web-go-live": "web-platform-cutover",
  "builtin-phased-migration": "database-migration",
};
