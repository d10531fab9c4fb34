import { z } from "zod";
import { idSchema } from "@/lib/launches/launch.schema";

export const takeItemSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  version: z.coerce.number().int().min(1, "Missing version"),
});
export type TakeItemInput = z.input<typeof takeItemSchema>;
