import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { zoneSchema } from "@/lib/time/zone.schema";
import { idSchema, textSchema } from "@/lib/validation/text";

export { idSchema };

export const createLaunchSchema = z.object({
  name: textSchema({ max: 120, label: "The name", min: 3, tooShort: "Give the launch a name of at least 3 characters", tooLong: "Keep the name under 120 characters" }),
  system: textSchema({ max: 120, label: "The system name", min: 1, tooShort: "Name the system going live", tooLong: "Keep the system name under 120 characters" }),
  description: textSchema({ max: 4000, label: "The description", multiline: true, tooLong: "Keep the description under 4000 characters" }).default(""),
  timeZone: zoneSchema,
  templateId: idSchema.optional().or(z.literal("").transform(() => undefined)),
});
export type CreateLaunchInput = z.input<typeof createLaunchSchema>;

export const roleSchema = z.enum(ROLES, { message: "Choose a role: Manager, Engineer, Approver or Viewer" });

export const addMemberSchema = z.object({
  launchId: idSchema,
  email: z.string().trim().toLowerCase().max(254, "That email address is too long").email("Enter an email address, such as name@company.com"),
  role: roleSchema,
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ launchId: idSchema, memberId: idSchema, role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ launchId: idSchema, memberId: idSchema });
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;
