import "server-only";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { visibleTemplatesWhere } from "./access";
import { countItems, templateContentSchema } from "./content";
import { ensureBuiltinTemplates } from "./sync";
import { templateScopeLabel } from "./visibility";

export type TemplateSummary = { id: string; name: string; description: string; itemCount: number; builtIn: boolean; published: boolean; scope: string };

const SELECT = { id: true, name: true, description: true, builtIn: true, published: true, content: true } as const;

function summary(t: { id: string; name: string; description: string; builtIn: boolean; published: boolean; content: unknown }): TemplateSummary {
  const parsed = templateContentSchema.safeParse(t.content);
  const itemCount = parsed.success ? countItems(parsed.data) : 0;
  return { id: t.id, name: t.name, description: t.description, builtIn: t.builtIn, published: t.published, itemCount, scope: templateScopeLabel(t) };
}

/** The templates `actor` may start a launch from (built-ins first); built-ins are inserted on first use. */
export async function listTemplates(actor: Actor): Promise<TemplateSummary[]> {
  await ensureBuiltinTemplates();
  const rows = await db.template.findMany({
    where: await visibleTemplatesWhere(db, actor),
    orderBy: [{ builtIn: "desc" }, { published: "desc" }, { name: "asc" }],
    select: SELECT,
  });
  return rows.map(summary);
}

export type SavedTemplateAdminRow = TemplateSummary & { launchName: string | null; createdByName: string | null };

/** Every saved (not built-in) template, for instance admins deciding what to publish. */
export async function listSavedTemplatesForAdmin(actor: Actor): Promise<SavedTemplateAdminRow[]> {
  if (!actor.isAdmin) throw new ForbiddenError("Only instance admins can review saved templates.");
  const rows = await db.template.findMany({ where: { builtIn: false }, orderBy: [{ published: "desc" }, { name: "asc" }], select: { ...SELECT, launchId: true, createdById: true } });
  const [launches, users] = await Promise.all([
    db.launch.findMany({ where: { id: { in: rows.flatMap((r) => (r.launchId ? [r.launchId] : [])) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.createdById ? [r.createdById] : [])) } }, select: { id: true, name: true } }),
  ]);
  const launchName = new Map(launches.map((l) => [l.id, l.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    ...summary(r),
    launchName: r.launchId ? (launchName.get(r.launchId) ?? null) : null,
    createdByName: r.createdById ? (userName.get(r.createdById) ?? null) : null,
  }));
}
