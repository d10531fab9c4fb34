import "server-only";
import { bulkAssign } from "@/lib/checklist/bulk-commands";
import { changeItemStatus, updateEvidence } from "@/lib/checklist/status-commands";
import { applyTemplate } from "@/lib/checklist/templates/apply";
import { syncBuiltinTemplates } from "@/lib/checklist/templates/sync";
import { webGoLive } from "@/lib/checklist/templates/index";
import { db } from "@/lib/db/client";
import { runLaunchCommand } from "@/lib/server/command";
import { extendDemo } from "./demo";

// The demo's checklist: the web go-live template, split between the two engineers, part-way through a
// realistic week (done with evidence, in progress, one blocker, one waiver). Written through the
// commands, so the activity list tells the story.

const EVIDENCE: Record<string, { note: string; links: string[] }> = {
  regression: { note: "1,284 tests passed on build 3.0.0-rc4.", links: ["https://ci.example.com/payments-api/runs/8812"] },
  load: { note: "2x peak (1,800 rps) for 30 min: p95 184 ms, errors 0.02%.", links: ["https://grafana.example.com/d/load-rc4"] },
  pentest: { note: "Two mediums accepted with owners; no highs.", links: ["https://security.example.com/reports/PT-2291"] },
  deps: { note: "Trivy and npm audit clean on rc4 images.", links: [] },
};

const PLAN: [key: string, who: "engineer" | "engineer2", status: "DONE" | "IN_PROGRESS" | "BLOCKED" | "NOT_APPLICABLE", reason?: string][] = [
  ["regression", "engineer", "DONE"],
  ["browsers", "engineer", "DONE"],
  ["a11y", "engineer", "NOT_APPLICABLE", "No new or changed pages in this release: the change is API-only."],
  ["uat", "engineer", "IN_PROGRESS"],
  ["load", "engineer", "DONE"],
  ["soak", "engineer", "IN_PROGRESS"],
  ["pentest", "engineer2", "DONE"],
  ["deps", "engineer2", "DONE"],
  ["secrets", "engineer2", "DONE"],
  ["dns", "engineer2", "BLOCKED", "The registrar has not yet granted API access to lower TTLs; ticket REG-4471 is open."],
  ["certs", "engineer2", "DONE"],
  ["dry-run", "engineer", "IN_PROGRESS"],
];

const OWNER_BY_SECTION: Record<string, "engineer" | "engineer2" | "manager"> = {
  "Functional testing": "engineer",
  "Performance testing": "engineer",
  "Data migration": "engineer",
  "Security testing": "engineer2",
  Infrastructure: "engineer2",
  "Final checks": "manager",
  "Post-go-live monitoring": "manager",
};

extendDemo(async ({ launchId, users }) => {
  await syncBuiltinTemplates();
  const manager = { userId: users.manager, isAdmin: false };
  // Sign-off groups are the sign-off capability's part of the demo, so only the checklist is copied.
  const { result: applied } = await runLaunchCommand(manager, launchId, "checklist.structure", async (ctx) => {
    const r = await applyTemplate(ctx.tx, launchId, webGoLive.id, manager, { signoffGroups: false });
    ctx.emit({ type: "template.applied", payload: { template: r.template, templateId: r.templateId, items: r.items } });
    return r;
  });
  const items = await db.checklistItem.findMany({ where: { launchId }, select: { id: true, section: { select: { title: true } } } });
  for (const who of ["engineer", "engineer2", "manager"] as const) {
    const itemIds = items.filter((i) => OWNER_BY_SECTION[i.section.title] === who).map((i) => i.id);
    if (itemIds.length) await bulkAssign(manager, { launchId, itemIds, ownerId: users[who] });
  }

  for (const [key, who, status, reason] of PLAN) {
    const actor = { userId: users[who], isAdmin: false };
    const itemId = applied.idByKey.get(key)!;
    let { version } = await db.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } });
    if (EVIDENCE[key]) {
      const e = EVIDENCE[key];
      version = (await updateEvidence(actor, { launchId, itemId, version, evidenceNote: e.note, evidenceLinks: e.links })).version;
    }
    await changeItemStatus(actor, { launchId, itemId, version, status, reason });
  }
});
