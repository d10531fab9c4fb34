import type { CalendarWindowItem } from "@/lib/windows/calendar-items";

export type { CalendarFreezeItem, CalendarWindowItem } from "@/lib/windows/calendar-items";

export const windowHref = (w: Pick<CalendarWindowItem, "launchId">) => `/launches/${w.launchId}/windows`;
