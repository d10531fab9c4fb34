import "server-only";
import type { Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import type { LaunchInitializer } from "@/lib/launches/commands";
import { createRunbookInTx } from "@/lib/runbook/commands";
import { CHECKLIST_TEMPLATE_RUNBOOK } from "@/lib/runbook/templates";
import { insertChecklist } from "../insert-checklist";
import { templateContentSchema } from "./content";
import { loadUsableTemplate } from "./access";
import { ensureBuiltinTemplates } from "./sync";

// Create-from-template: copies sections, items, dependencies and sign-off groups (without approvers)
// into the new launch inside createLaunch's transaction, so a bad template leaves no half-made launch.

export async function applyTemplate(tx: Tx, launchId: string, templateId: string, actor: Actor, opts = { signoffGroups: true }) {
  await ensureBuiltinTemplates(tx);
  // Only templates the actor may see (visibility.ts): another team's private one is NotFound, like a missing one.
  const template = await loadUsableTemplate(tx, actor, templateId);
  const actorId = actor.userId;
  const parsed = templateContentSchema.safeParse(template.content);
  if (!parsed.success) throw new ValidationError(`The template “${template.name}” is damaged and cannot be used.`, { templateId: ["Damaged template"] });
  const content = parsed.data;
  const inserted = await insertChecklist(
    tx,
    launchId,
    actorId,
    content.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i) => ({
        key: i.key,
        title: i.title,
        description: i.description,
        ownerId: null,
        dueAt: null,
        dueOffsetMinutes: i.dueOffsetMinutes,
        required: i.required,
        requiresEvidence: i.requiresEvidence,
        status: "TODO" as const,
        statusReason: null,
        evidenceNote: "",
        evidenceLinks: [],
        // Keys missing from the template (a hand-edited saved one) are dropped rather than failing.
        predecessorKeys: i.predecessors.filter((k) => content.sections.some((x) => x.items.some((y) => y.key === k))),
      })),
    })),
  );
  if (opts.signoffGroups && content.signoffGroups.length) {
    await tx.signoffGroup.createMany({
      data: content.signoffGroups.map((g, position) => ({ launchId, name: g.name, rule: g.rule, requiredCount: g.requiredCount, position })),
      skipDuplicates: true,
    });
  }
  return { template: template.name, templateId: template.id, items: inserted.items, idByKey: inserted.idByKey };
}

/** The initializer createLaunch runs when the form picked a template. */
export const templateInitializer: LaunchInitializer = async (tx, launchId, input, actor) => {
  if (!input.templateId) return {};
  const { idByKey: _ids, ...applied } = await applyTemplate(tx, launchId, input.templateId, actor);
  // A template that comes with a runbook (issue 12) gives the launch that runbook, and requires one.
  const runbookKey = CHECKLIST_TEMPLATE_RUNBOOK[input.templateId];
  if (!runbookKey) return applied;
  const runbook = await createRunbookInTx(tx, launchId, runbookKey);
  await tx.launch.update({ where: { id: launchId }, data: { runbookRequired: true } });
  return { ...applied, runbook: runbook.template, runbookTasks: runbook.tasks };
};
