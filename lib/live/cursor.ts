// The live feed's resume cursor (Last-Event-ID or ?after=): an event id, i.e. a non-negative Postgres
// bigint. Pure, so the bound is unit-tested; checked where the request is parsed, before any query.

const PG_BIGINT_MAX = 9223372036854775807n;

export type CursorResult = { ok: true; after: bigint } | { ok: false; message: string };

export function parseEventCursor(value: string | null | undefined): CursorResult {
  if (value === null || value === undefined || value === "") return { ok: true, after: 0n };
  if (!/^\d{1,19}$/.test(value)) {
    return { ok: false, message: "Invalid event cursor: Last-Event-ID and ?after= must be a whole number of at most 19 digits." };
  }
  const after = BigInt(value);
  if (after > PG_BIGINT_MAX) return { ok: false, message: `Invalid event cursor: ${value} is beyond the largest event id (${PG_BIGINT_MAX}).` };
  return { ok: true, after };
}
