import { z } from "zod";
import { idSchema } from "./launch.schema";

// Inviting someone is addMemberSchema (launch.schema.ts): adding a member by email creates an invitation.

export const invitationRefSchema = z.object({ launchId: idSchema, invitationId: idSchema });
export type InvitationRefInput = z.input<typeof invitationRefSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().trim().min(1, "This invitation link is incomplete").max(200, "This invitation link is not valid"),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
