import { z } from "zod";
import { NOTIFICATION_MODES, PREFERENCE_KINDS } from "./kinds";

/** One choice: a kind (or "all") and its mode; "DEFAULT" removes a kind's own choice so "all" applies. */
export const setNotificationPreferenceSchema = z.object({
  notificationKind: z.enum(PREFERENCE_KINDS),
  notificationMode: z.enum([...NOTIFICATION_MODES, "DEFAULT"]),
});
export type SetNotificationPreferenceInput = z.infer<typeof setNotificationPreferenceSchema>;
