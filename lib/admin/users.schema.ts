import { z } from "zod";

// Inputs of the instance-admin users area (client-safe: no server imports).

const userId = z.string().trim().min(1, "Missing user").max(64, "Invalid user");

export const setAdminSchema = z.object({ userId, isAdmin: z.boolean() });
export type SetAdminInput = z.input<typeof setAdminSchema>;
export const setDeactivatedSchema = z.object({ userId, deactivated: z.boolean() });
export type SetDeactivatedInput = z.input<typeof setDeactivatedSchema>;

// From the page's GET parameters: never refused, a long query is cut to 100 characters, a bad page is 1.
export const userSearchSchema = z.object({
  q: z.string().catch("").transform((q) => q.trim().slice(0, 100)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
