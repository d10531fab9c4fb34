import { z } from "zod";
import { idSchema } from "@/lib/validation/text";

/** A manager lets engineers "Take it" (assign themselves unassigned checks) or turns it off. */
export const setEngineersTakeSchema = z.object({
  launchId: idSchema,
  allowed: z.boolean({ message: "Say whether engineers may take unassigned checks" }),
});
export type SetEngineersTakeInput = z.input<typeof setEngineersTakeSchema>;
