// Client-safe schema of the admin's publish / unpublish action.
import { z } from "zod";

export const publishTemplateSchema = z.object({
  templateId: z.string().trim().min(1, "Missing template").max(64, "Invalid template"),
  published: z.boolean({ message: "Say whether to publish or unpublish" }),
});
export type PublishTemplateInput = z.input<typeof publishTemplateSchema>;
