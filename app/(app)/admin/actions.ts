"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import {
  createEnvironmentSchema,
  deleteFreezeSchema,
  updateEnvironmentSchema,
  updateFreezeSchema,
  type CreateEnvironmentInput,
  type DeleteFreezeInput,
  type UpdateEnvironmentInput,
  type UpdateFreezeInput,
} from "@/lib/windows/actions.schema";
import { createEnvironment, createFreeze, deleteFreeze, updateEnvironment, updateFreeze } from "@/lib/windows/admin-commands";
import { anyInput, parseForAdmin } from "@/lib/windows/authorize-input";
import { freezeSchema, type FreezeInput } from "@/lib/windows/window.schema";
import { setTemplatePublished } from "@/lib/checklist/templates/publish";
import { publishTemplateSchema, type PublishTemplateInput } from "@/lib/checklist/templates/template.schema";

// Instance admins only: refused before the input is judged, and again inside each command.
const refresh = () => {
  revalidatePath("/admin");
  revalidatePath("/calendar");
};

export async function createEnvironmentAction(input: CreateEnvironmentInput): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction("createEnvironment", anyInput, input, async (raw, actor) => {
    const env = await createEnvironment(actor, parseForAdmin(actor, "add environments", createEnvironmentSchema, raw));
    refresh();
    return env;
  });
}

export async function updateEnvironmentAction(
  input: UpdateEnvironmentInput,
): Promise<ActionResult<{ id: string; name: string; version: number; unchanged: boolean }>> {
  return runAction("updateEnvironment", anyInput, input, async (raw, actor) => {
    const env = await updateEnvironment(actor, parseForAdmin(actor, "edit environments", updateEnvironmentSchema, raw));
    refresh();
    return env;
  });
}

export async function createFreezeAction(input: FreezeInput): Promise<ActionResult<{ id: string; version: number; description: string; windowsCaught: number }>> {
  return runAction("createFreeze", anyInput, input, async (raw, actor) => {
    const freeze = await createFreeze(actor, parseForAdmin(actor, "create freezes", freezeSchema, raw));
    refresh();
    return freeze;
  });
}

export async function updateFreezeAction(
  input: UpdateFreezeInput,
): Promise<ActionResult<{ id: string; version: number; description: string; windowsCaught: number | null; unchanged: boolean }>> {
  return runAction("updateFreeze", anyInput, input, async (raw, actor) => {
    const freeze = await updateFreeze(actor, parseForAdmin(actor, "edit freezes", updateFreezeSchema, raw));
    refresh();
    return freeze;
  });
}

export async function deleteFreezeAction(input: DeleteFreezeInput): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteFreeze", anyInput, input, async (raw, actor) => {
    const freeze = await deleteFreeze(actor, parseForAdmin(actor, "delete freezes", deleteFreezeSchema, raw));
    refresh();
    return freeze;
  });
}

export async function setTemplatePublishedAction(input: PublishTemplateInput): Promise<ActionResult<{ id: string; published: boolean; unchanged: boolean }>> {
  return runAction("setTemplatePublished", anyInput, input, async (raw, actor) => {
    const result = await setTemplatePublished(actor, parseForAdmin(actor, "publish templates", publishTemplateSchema, raw));
    revalidatePath("/admin");
    revalidatePath("/launches/new");
    return result;
  });
}
