import { z } from "zod";
import { textSchema } from "@/lib/validation/text";

// The shape stored in Template.content, for built-in and saved templates alike. Saved templates are
// user data in a JSON column, so they are parsed with this schema before use, never trusted as typed.

export const templateItemSchema = z.object({
  key: z.string().min(1).max(64),
  title: textSchema({ max: 200, label: "The title", min: 1 }),
  description: textSchema({ max: 4000, label: "The description", multiline: true }).default(""),
  required: z.boolean().default(true),
  requiresEvidence: z.boolean().default(false),
  dueOffsetMinutes: z.number().int().nullable().default(null),
  predecessors: z.array(z.string().max(64)).max(50).default([]),
});

export const templateSignoffGroupSchema = z.object({
  name: textSchema({ max: 120, label: "The name", min: 1 }),
  rule: z.enum(["ANY", "ALL", "N_OF_M"]).default("ANY"),
  requiredCount: z.number().int().min(1).nullable().default(null),
});

export const templateContentSchema = z.object({
  sections: z.array(z.object({ title: textSchema({ max: 200, label: "The title", min: 1 }), items: z.array(templateItemSchema) })),
  signoffGroups: z.array(templateSignoffGroupSchema).default([]),
});

export type TemplateContent = z.output<typeof templateContentSchema>;
export type TemplateItem = z.output<typeof templateItemSchema>;

export type BuiltinTemplate = { id: string; name: string; description: string; content: TemplateContent };

export function countItems(content: TemplateContent) {
  return content.sections.reduce((n, s) => n + s.items.length, 0);
}
