"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { addMember, changeMemberRole, removeMember } from "@/lib/launches/commands";
import {
  addMemberSchema,
  changeRoleSchema,
  removeMemberSchema,
  type AddMemberInput,
  type ChangeRoleInput,
  type RemoveMemberInput,
} from "@/lib/launches/launch.schema";

export async function addMemberAction(input: AddMemberInput): Promise<ActionResult<{ id: string }>> {
  return runAction("addMember", addMemberSchema, input, async (data, actor) => {
    const member = await addMember(actor, data);
    revalidatePath(`/launches/${data.launchId}`, "layout");
    return { id: member.id };
  });
}

export async function changeMemberRoleAction(input: ChangeRoleInput): Promise<ActionResult<{ id: string }>> {
  return runAction("changeMemberRole", changeRoleSchema, input, async (data, actor) => {
    const member = await changeMemberRole(actor, data);
    revalidatePath(`/launches/${data.launchId}`, "layout");
    return { id: member.id };
  });
}

export async function removeMemberAction(input: RemoveMemberInput): Promise<ActionResult<{ id: string }>> {
  return runAction("removeMember", removeMemberSchema, input, async (data, actor) => {
    const member = await removeMember(actor, data);
    revalidatePath(`/launches/${data.launchId}`, "layout");
    return { id: member.id };
  });
}
