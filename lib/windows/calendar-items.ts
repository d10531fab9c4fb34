// What the calendar views draw: plain serialisable data prepared on the server (calendar-data.ts).

import type { WindowStatus } from "./lifecycle";

export type CalendarWindowItem = {
  id: string;
  launchId: string;
  launchName: string;
  environment: string;
  start: string;
  end: string;
  timeZone: string;
  status: WindowStatus;
  clash: boolean;
  inFreeze: boolean;
  overridden: boolean;
  /** Another team's window on an environment the viewer's launches use: range and environment only (calendar-busy.ts). */
  busy?: boolean;
};

export type CalendarFreezeItem = {
  key: string;
  start: string;
  end: string;
  reason: string;
  /** Null: every environment. */
  environment: string | null;
  description: string;
};
