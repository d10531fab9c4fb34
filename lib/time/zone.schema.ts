import { z } from "zod";
import { canonicalZone } from "./zones";

export const ZONE_MESSAGE = "Choose a valid IANA time zone, such as Europe/London";

/** A time zone as typed ("utc", "Europe/LONDON", "EST"), stored under its canonical IANA name. */
export const zoneSchema = z
  .string()
  .trim()
  .transform((typed, ctx) => {
    const zone = canonicalZone(typed);
    if (zone) return zone;
    ctx.addIssue({ code: "custom", message: ZONE_MESSAGE });
    return z.NEVER;
  });
