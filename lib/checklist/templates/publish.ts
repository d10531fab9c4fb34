import "server-only";
import type { z } from "zod";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runCommand } from "@/lib/server/command";
import type { publishTemplateSchema } from "./template.schema";

// Publishing makes a team's saved template usable by every user; unpublishing makes it private to its
// team again. Instance admins only, checked inside the transaction, audited as an instance-wide event.

export async function setTemplatePublished(actor: Actor, input: z.output<typeof publishTemplateSchema>) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    const admin = actor.isAdmin ? await tx.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true } }) : null;
    if (!admin?.isAdmin) throw new ForbiddenError("Only instance admins can publish templates.");
    const template = await tx.template.findUnique({ where: { id: input.templateId }, select: { id: true, name: true, builtIn: true, published: true, launchId: true } });
    if (!template) throw new NotFoundError("That template no longer exists.");
    if (template.builtIn) throw new ValidationError("Built-in templates are available to everyone already.");
    if (template.published === input.published) return { id: template.id, published: template.published, unchanged: true };
    await tx.template.update({ where: { id: template.id }, data: { published: input.published } });
    emit(null, {
      type: input.published ? "template.published" : "template.unpublished",
      payload: { templateId: template.id, name: template.name, launchId: template.launchId },
    });
    return { id: template.id, published: input.published, unchanged: false };
  });
  return result;
}
