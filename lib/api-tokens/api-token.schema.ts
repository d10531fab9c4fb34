import { z } from "zod";
import { idSchema, textSchema } from "@/lib/validation/text";

// Client-safe: the settings form and the server actions share these.

/** What a token may do, on top of (never beyond) its owner's role on each of its launches. */
export const API_SCOPES = ["read", "items:status", "items:comment", "runbook:run"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABEL: Record<ApiScope, string> = {
  read: "Read the launch (checklist, sign-offs, windows, events)",
  "items:status": "Change checklist items' status and evidence",
  "items:comment": "Comment on checklist items",
  "runbook:run": "Start and finish runbook tasks",
};

export const MAX_TOKEN_LAUNCHES = 50;
export const MAX_TOKEN_DAYS = 366;

export const createApiTokenSchema = z.object({
  name: textSchema({ max: 80, label: "The name", min: 1, tooShort: "Name the token (e.g. “CI smoke tests”)", tooLong: "Keep the name under 80 characters" }),
  launchIds: z
    .array(idSchema, { error: "Choose the launches" })
    .min(1, "Choose at least one launch")
    .max(MAX_TOKEN_LAUNCHES, `At most ${MAX_TOKEN_LAUNCHES} launches`),
  scopes: z
    .array(z.enum(API_SCOPES, { message: "Unknown scope" }), { error: "Choose what the token may do" })
    .min(1, "Choose at least one thing the token may do")
    .max(API_SCOPES.length),
  /** Days until it expires; null: it never expires. */
  expiresInDays: z.coerce
    .number({ error: "Expiry must be a number of days" })
    .int("Expiry must be whole days")
    .min(1, "At least one day")
    .max(MAX_TOKEN_DAYS, `At most ${MAX_TOKEN_DAYS} days`)
    .nullable(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;
