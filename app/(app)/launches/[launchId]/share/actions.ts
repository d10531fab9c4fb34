"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { createShareLink, revokeShareLink } from "@/lib/share/links";
import { createShareLinkSchema, revokeShareLinkSchema, type CreateShareLinkInput, type RevokeShareLinkInput } from "@/lib/share/schema";

// Managers only ("launch.edit", checked inside each command). The token comes back once, to be shown once.

export async function createShareLinkAction(input: CreateShareLinkInput): Promise<ActionResult<{ id: string; token: string }>> {
  return runAction("createShareLink", createShareLinkSchema, input, (data, actor) => createShareLink(actor, data));
}

export async function revokeShareLinkAction(input: RevokeShareLinkInput): Promise<ActionResult<{ id: string; revokedAt: string }>> {
  return runAction("revokeShareLink", revokeShareLinkSchema, input, (data, actor) => revokeShareLink(actor, data));
}
