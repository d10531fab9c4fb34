import { z } from "zod";

// The one text schema and the one link schema every form, action, CSV row and template goes through.
// Client-safe (no Node, no Prisma). Postgres refuses NUL in text (it surfaced as an INTERNAL error), and
// other control characters (bell, escape, bidi overrides) are never wanted in a checklist: they corrupt
// terminals, CSV exports and audit trails, or make a title read differently from what it says.

export const CONTROL_CHARACTER = "contains a control character";
export const INVALID_CHARACTER = "contains an invalid character";

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// The same, except tab and line feed, which a multi-line field keeps.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// A lone UTF-16 surrogate cannot be encoded as UTF-8: it would be stored as U+FFFD without a word.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlCharacter(value: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? CONTROL_MULTILINE : CONTROL).test(value);
}

export type TextOptions = {
  max: number;
  /** Shown in messages: "The title contains a control character". */
  label?: string;
  min?: number;
  /** Keeps \n and \t (CRLF is normalised to \n); single-line fields refuse every control character. */
  multiline?: boolean;
  tooLong?: string;
  tooShort?: string;
};

/**
 * A trimmed string with an explicit maximum length that refuses control characters with a field error.
 * Stays a ZodString, so callers can still chain `.toLowerCase()`, `.regex()`, `.email()`, `.optional()`.
 */
export function textSchema({ max, label = "The text", min = 0, multiline = false, tooLong, tooShort }: TextOptions) {
  const control = multiline ? CONTROL_MULTILINE : CONTROL;
  let schema = z.string({ error: `${label} must be text` });
  if (multiline) schema = schema.overwrite((v) => v.replace(/\r\n?/g, "\n"));
  schema = schema
    .trim()
    .max(max, { message: tooLong ?? `Keep it under ${max} characters`, abort: true })
    .refine((v) => !control.test(v), `${label} ${CONTROL_CHARACTER}`)
    .refine((v) => !LONE_SURROGATE.test(v), `${label} ${INVALID_CHARACTER}`);
  return min > 0 ? schema.min(min, tooShort ?? `Enter at least ${min} character${min === 1 ? "" : "s"}`) : schema;
}

/** Ids are cuids, UUIDs or built-in keys: letters, digits, "-" and "_". Anything else is not an id. */
export const idSchema = z
  .string({ error: "Invalid id" })
  .trim()
  .min(1, "Missing id")
  .max(64, "Invalid id")
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");

export const MAX_LINK_LENGTH = 2000;
export const LINK_MESSAGE = "Links must be full http(s) URLs, such as https://ci.example.com/run/42";

/**
 * http(s) only, absolute, with a host and without credentials. The raw text is checked before URL
 * parsing because the parser forgives what browsers also forgive: leading control characters, tabs and
 * newlines inside the scheme ("java\tscript:"), backslashes for slashes.
 */
export function isSafeHttpUrl(value: string): boolean {
  if (value.length > MAX_LINK_LENGTH || /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]/.test(value)) return false;
  if (!/^https?:\/\/[^/]/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const linkSchema = z
  .string({ error: LINK_MESSAGE })
  .trim()
  .max(MAX_LINK_LENGTH, { message: `Keep links under ${MAX_LINK_LENGTH} characters`, abort: true })
  .refine(isSafeHttpUrl, LINK_MESSAGE);
