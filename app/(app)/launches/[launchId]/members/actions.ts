"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { changeMemberRole, removeMember } from "@/lib/launches/commands";
import { createInvitation, renewInvitation, revokeInvitation, type InvitationCreated } from "@/lib/launches/invitations";
import { invitationRefSchema, type InvitationRefInput } from "@/lib/launches/invitations.schema";
import {
  addMemberSchema,
  changeRoleSchema,
  removeMemberSchema,
  type AddMemberInput,
  type ChangeRoleInput,
  type RemoveMemberInput,
} from "@/lib/launches/launch.schema";

/** Adding a member by email invites them; the answer is the same whether or not the address has an account. */
export async function addMemberAction(input: AddMemberInput): Promise<ActionResult<InvitationCreated>> {
  return runAction("addMember", addMemberSchema, input, async (data, actor) => {
    const invitation = await createInvitation(actor, data);
    revalidatePath(`/launches/${data.launchId}/members`);
    return invitation;
  });
}

export async function revokeInvitationAction(input: InvitationRefInput): Promise<ActionResult<{ invitationId: string }>> {
  return runAction("revokeInvitation", invitationRefSchema, input, async (data, actor) => {
    const result = await revokeInvitation(actor, data);
    revalidatePath(`/launches/${data.launchId}/members`);
    return result;
  });
}

export async function renewInvitationAction(input: InvitationRefInput): Promise<ActionResult<InvitationCreated>> {
  return runAction("renewInvitation", invitationRefSchema, input, async (data, actor) => {
    const invitation = await renewInvitation(actor, data);
    revalidatePath(`/launches/${data.launchId}/members`);
    return invitation;
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
