// What the browser gets of windows, environments and freezes: plain shapes, ISO strings. Client-safe.
import type { FreezeFormValues } from "./actions.schema";
import type { WindowStatus } from "./lifecycle";

export type WindowDto = {
  id: string;
  launchId: string;
  launchName: string;
  environmentId: string;
  environment: string;
  start: string;
  end: string;
  timeZone: string;
  checkpoint: string | null;
  pointOfNoReturn: string | null;
  notes: string;
  status: WindowStatus;
  actualStart: string | null;
  actualEnd: string | null;
  freezeOverrideReason: string | null;
  version: number;
  /** Freezes this window falls in ("Mon–Fri 08:00–18:00 Europe/Berlin (Business hours)"). */
  freezes: string[];
  /** For a window not (yet) holding its environment: the scheduled window it would clash with. */
  clash: string | null;
};

export type EnvironmentDto = { id: string; name: string; description: string; version: number };

export type FreezeDto = {
  id: string;
  kind: "ONE_OFF" | "WEEKLY";
  description: string;
  reason: string;
  environment: string | null;
  version: number;
  /** The stored rule as the edit form shows it (one-off times on the freeze zone's wall clock). */
  form: FreezeFormValues;
};
