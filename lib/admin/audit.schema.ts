import { z } from "zod";
import { plural } from "@/lib/checklist/quote-list";
import { zoneSchema } from "@/lib/time/zone.schema";
import { textSchema } from "@/lib/validation/text";
import { horizonBounds, type Horizon } from "@/lib/windows/horizon";
import { parseWallClock, wallClockToInstant } from "@/lib/windows/wall-clock";

// The admins' audit search (issue 14), from the page's GET parameters. Client-safe: no server imports.
// Unlike the users list, a bad parameter is refused with a message rather than silently replaced: an
// auditor must never read "no events" for a filter the search did not actually apply.

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_TEXT_MAX = 100;
/** A filter by name that matches more people or launches than this asks for more of the name. */
export const AUDIT_MATCH_LIMIT = 50;

export const AUDIT_MESSAGES = {
  typeFormat: "Choose an event type from the list, or a prefix such as checklist.",
  wallClock: (what: string) => `Enter “${what}” as a date and a 24-hour time, such as 2026-12-01 14:30`,
  toBeforeFrom: "“To” must be after “From”",
  cursor: "This page link is broken: start the search again",
} as const;

// Forms send "" for an untouched field: it means "no filter".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const text = (label: string) =>
  textSchema({ max: AUDIT_TEXT_MAX, label, tooLong: `${label} is too long: keep it under ${AUDIT_TEXT_MAX} characters` });

// "2026-12-01 14:30" (as typed, 24-hour), "2026-12-01T14:30" (an edited URL) or "2026-12-01" (midnight).
const wallClock = (what: string) =>
  z
    .string()
    .trim()
    .max(16, { message: AUDIT_MESSAGES.wallClock(what), abort: true })
    .transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00` : v.replace(" ", "T")))
    .refine((v) => parseWallClock(v) !== null, AUDIT_MESSAGES.wallClock(what));

// "item.status_changed" or a prefix ending in a dot ("checklist."): the only shapes event types take.
const TYPE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/;

export const auditSearchSchema = z
  .object({
    actor: optional(text("The actor search")),
    type: optional(z.string().trim().max(AUDIT_TEXT_MAX, AUDIT_MESSAGES.typeFormat).regex(TYPE, AUDIT_MESSAGES.typeFormat)),
    launch: optional(text("The launch search")),
    from: optional(wallClock("From")),
    to: optional(wallClock("To")),
    tz: z.preprocess(blankToUndefined, zoneSchema.optional()).transform((v) => v ?? "UTC"),
    // The id of the last event on the previous page: keyset pagination, newest first.
    before: optional(
      z
        .string()
        .trim()
        .regex(/^\d{1,19}$/, AUDIT_MESSAGES.cursor)
        .transform((v) => BigInt(v))
        .refine((v) => v > 0n && v <= 9_223_372_036_854_775_807n, AUDIT_MESSAGES.cursor),
    ),
  })
  // Checked even when another field (the cursor, say) is bad, so the page names every problem at once.
  .refine((v) => !(v.from && v.to) || wallClockToInstant(v.to, v.tz) > wallClockToInstant(v.from, v.tz), {
    path: ["to"],
    message: AUDIT_MESSAGES.toBeforeFrom,
    when: (payload) => !payload.issues.some((i) => ["from", "to", "tz"].includes(String(i.path?.[0]))),
  })
  .transform((v) => ({
    ...v,
    fromAt: v.from === undefined ? undefined : wallClockToInstant(v.from, v.tz),
    toAt: v.to === undefined ? undefined : wallClockToInstant(v.to, v.tz),
  }));

export type AuditSearchInput = z.input<typeof auditSearchSchema>;
export type AuditSearch = z.output<typeof auditSearchSchema>;
export const AUDIT_PARAMS = ["actor", "type", "launch", "from", "to", "tz", "before"] as const;
/** The search as the URL carries it: raw strings, echoed back into the form. */
export type AuditParams = Partial<Record<(typeof AUDIT_PARAMS)[number], string>>;

/** The page's search params as the schema's input: the first value of a repeated parameter. */
export function auditParams(raw: Record<string, string | string[] | undefined>): AuditParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return Object.fromEntries(AUDIT_PARAMS.map((k) => [k, first(raw[k])]).filter(([, v]) => v !== undefined)) as AuditParams;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Field errors for a range outside the instance horizon (lib/windows/horizon.ts), or null. */
export function auditRangeErrors(search: Pick<AuditSearch, "fromAt" | "toAt">, now: Date, horizon: Horizon): Record<string, string[]> | null {
  const { earliest, latest } = horizonBounds(now, horizon);
  const errors: Record<string, string[]> = {};
  const check = (field: "from" | "to", label: string, at: Date | undefined) => {
    if (!at) return;
    if (at < earliest) errors[field] = [`“${label}” can reach back at most ${plural(horizon.pastDays, "day")} (to ${day(earliest)})`];
    else if (at > latest) errors[field] = [`“${label}” must lie within ${plural(horizon.futureYears, "year")} from now (by ${day(latest)})`];
  };
  check("from", "From", search.fromAt);
  check("to", "To", search.toAt);
  return Object.keys(errors).length ? errors : null;
}

/** The page's URL for these parameters, blanks left out (a linkable search; `before` is the page cursor). */
export function auditHref(params: AuditParams, changes: AuditParams = {}): string {
  const merged = { ...params, ...changes };
  const query = new URLSearchParams();
  for (const key of AUDIT_PARAMS) {
    const value = merged[key]?.trim();
    if (value) query.set(key, value);
  }
  const s = query.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}
