import { z } from "zod";
import { zoneSchema } from "@/lib/time/zone.schema";
import { NOTIFICATION_MODES, PREFERENCE_KINDS } from "./kinds";

/** One choice: a kind (or "all") and its mode; "DEFAULT" removes a kind's own choice so "all" applies. */
export const setNotificationPreferenceSchema = z.object({
  notificationKind: z.enum(PREFERENCE_KINDS),
  notificationMode: z.enum([...NOTIFICATION_MODES, "DEFAULT"]),
});
export type SetNotificationPreferenceInput = z.infer<typeof setNotificationPreferenceSchema>;

/** When the daily digest goes out: a local hour in an IANA zone (stored canonical, as launch zones are). */
export const setDigestTimeSchema = z.object({
  digestHour: z.coerce.number().int().min(0, "Choose an hour from 00 to 23").max(23, "Choose an hour from 00 to 23"),
  digestTimeZone: zoneSchema,
});
export type SetDigestTimeInput = z.input<typeof setDigestTimeSchema>;
