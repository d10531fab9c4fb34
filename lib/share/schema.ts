import { z } from "zod";
import { idSchema, textSchema } from "@/lib/validation/text";

// Client-safe: the share-link form and its actions share these.

/** Expiry choices in hours; 0 = never. */
export const EXPIRY_CHOICES = [
  { hours: 0, label: "Never" },
  { hours: 24, label: "In 24 hours" },
  { hours: 72, label: "In 3 days" },
  { hours: 168, label: "In 7 days" },
  { hours: 720, label: "In 30 days" },
] as const;

export const createShareLinkSchema = z.object({
  launchId: idSchema,
  name: textSchema({ max: 80, min: 2, label: "The name", tooShort: "Name the link (who is it for?), at least 2 characters" }),
  showNames: z.boolean({ error: "Choose whether names are shown" }).default(false),
  expiresInHours: z.number({ error: "Choose when the link expires" }).int().min(0).max(24 * 366, "At most a year").default(0),
});
export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ launchId: idSchema, linkId: idSchema });
export type RevokeShareLinkInput = z.input<typeof revokeShareLinkSchema>;

/** Tokens are 32 random bytes in base64url (43 characters). */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
