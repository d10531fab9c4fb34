"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { createGroup, decide, deleteGroup, updateGroup, withdraw, type DecideResult } from "@/lib/signoff/commands";
import {
  createGroupSchema,
  decideSchema,
  deleteGroupSchema,
  updateGroupSchema,
  withdrawSchema,
  type CreateGroupInput,
  type DecideInput,
  type DeleteGroupInput,
  type UpdateGroupInput,
  type WithdrawInput,
} from "@/lib/signoff/signoff.schema";

// Readiness shows on every page of the launch, so each change revalidates the launch's whole layout.
const refresh = (launchId: string) => revalidatePath(`/launches/${launchId}`, "layout");

export async function createGroupAction(input: CreateGroupInput): Promise<ActionResult<{ id: string }>> {
  return runAction("createGroup", createGroupSchema, input, async (data, actor) => {
    const group = await createGroup(actor, data);
    refresh(data.launchId);
    return { id: group.id };
  });
}

export async function updateGroupAction(input: UpdateGroupInput): Promise<ActionResult<{ id: string }>> {
  return runAction("updateGroup", updateGroupSchema, input, async (data, actor) => {
    const group = await updateGroup(actor, data);
    refresh(data.launchId);
    return group;
  });
}

export async function deleteGroupAction(input: DeleteGroupInput): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteGroup", deleteGroupSchema, input, async (data, actor) => {
    const group = await deleteGroup(actor, data);
    refresh(data.launchId);
    return group;
  });
}

export async function decideAction(input: DecideInput): Promise<ActionResult<DecideResult>> {
  return runAction("decide", decideSchema, input, async (data, actor) => {
    const result = await decide(actor, data);
    refresh(data.launchId);
    return result;
  });
}

export async function withdrawAction(input: WithdrawInput): Promise<ActionResult<{ id: string; unchanged: boolean }>> {
  return runAction("withdraw", withdrawSchema, input, async (data, actor) => {
    const result = await withdraw(actor, data);
    refresh(data.launchId);
    return result;
  });
}
