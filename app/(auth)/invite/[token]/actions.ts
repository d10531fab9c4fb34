"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { acceptInvitation, type AcceptedInvitation } from "@/lib/launches/invitations";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/launches/invitations.schema";

/** Any signed-in user may try; the command grants access only to the holder of the invited address. */
export async function acceptInvitationAction(input: AcceptInvitationInput): Promise<ActionResult<AcceptedInvitation>> {
  return runAction("acceptInvitation", acceptInvitationSchema, input, (data, actor) => acceptInvitation(actor, data.token));
}
