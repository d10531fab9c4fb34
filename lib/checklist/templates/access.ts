import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";

// The template visibility rule (visibility.ts) as a query: what `actor` may list and use.

export const TEMPLATE_NOT_FOUND = "That template does not exist, or it is not shared with your team.";

export async function memberLaunchIds(client: Db | Tx, userId: string): Promise<string[]> {
  const rows = await client.member.findMany({ where: { userId }, select: { launchId: true } });
  return rows.map((r) => r.launchId);
}

/** Prisma `where` for the templates `actor` may see: built-ins, published ones, and their teams' own. */
export async function visibleTemplatesWhere(client: Db | Tx, actor: Actor) {
  const launchIds = await memberLaunchIds(client, actor.userId);
  return { OR: [{ builtIn: true }, { published: true }, { launchId: { in: launchIds } }] };
}

/** The template if `actor` may use it; NotFound otherwise, the same answer as for one that does not exist. */
export async function loadUsableTemplate(client: Db | Tx, actor: Actor, templateId: string) {
  const template = await client.template.findFirst({
    where: { AND: [{ id: templateId }, await visibleTemplatesWhere(client, actor)] },
    select: { id: true, name: true, content: true },
  });
  if (!template) throw new NotFoundError(TEMPLATE_NOT_FOUND);
  return template;
}

