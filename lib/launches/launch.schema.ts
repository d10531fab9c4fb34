import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { isValidTimeZone } from "@/lib/time/zones";

export const idSchema = z.string().trim().min(1, "Missing id").max(64, "Invalid id");

export const createLaunchSchema = z.object({
  name: z.string().trim().min(3, "Give the launch a name of at least 3 characters").max(120, "Keep the name under 120 characters"),
  system: z.string().trim().min(1, "Name the system going live").max(120, "Keep the system name under 120 characters"),
  description: z.string().trim().max(4000, "Keep the description under 4000 characters").default(""),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a valid IANA time zone, such as Europe/London"),
  templateId: z.string().trim().max(64).optional().or(z.literal("").transform(() => undefined)),
});
export type CreateLaunchInput = z.input<typeof createLaunchSchema>;

export const roleSchema = z.enum(ROLES, { message: "Choose a role: Manager, Engineer, Approver or Viewer" });

export const addMemberSchema = z.object({
  launchId: idSchema,
  email: z.string().trim().toLowerCase().email("Enter the email address of a Liftoff user"),
  role: roleSchema,
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ launchId: idSchema, memberId: idSchema, role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ launchId: idSchema, memberId: idSchema });
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;
