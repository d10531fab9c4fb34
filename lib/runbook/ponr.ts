// Point of no return: the last moment a rollback (plus a safety buffer) still ends inside the window.
import { MAX_MINUTES } from "./graph";

function minutes(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > MAX_MINUTES) throw new RangeError(`${name} must be between 0 and ${MAX_MINUTES} minutes.`);
  return value * 60_000;
}

function instant(name: string, d: Date): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is not a valid time.`);
  return t;
}

/** PONR = window end − rollback − buffer (instants, so DST does not shift it). */
export function pointOfNoReturn(windowEnd: Date, rollbackMin: number, bufferMin: number): Date {
  return new Date(instant("Window end", windowEnd) - minutes("Rollback duration", rollbackMin) - minutes("Buffer", bufferMin));
}

/** False once the forecast end passes window end − rollback: rolling back would no longer fit. */
export function rollbackStillFits(forecastEnd: Date, windowEnd: Date, rollbackMin: number): boolean {
  return instant("Forecast end", forecastEnd) <= instant("Window end", windowEnd) - minutes("Rollback duration", rollbackMin);
}
