import "server-only";
import { z } from "zod";
import { validationError } from "@/lib/actions/action";
import { ForbiddenError } from "@/lib/domain/errors";
import { can, type Action, type Actor } from "@/lib/domain/roles";
import { getLaunchForActor } from "@/lib/launches/queries";
import { forbiddenMessage } from "@/lib/server/command";

// Who may act is decided before what they sent is judged: someone who may not touch a launch's windows
// (or the instance's freezes) hears "not found" or "forbidden", never which of their fields were wrong.
// runAction already answers "not found" to callers who cannot see the launch; this adds the role check
// (forbidden before field errors) for members. The commands check again inside their transaction.

const launchRef = z.object({ launchId: z.string().trim().min(1, "Missing launch").max(64, "Invalid launch") });

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export async function parseForLaunchAction<S extends z.ZodType>(actor: Actor, action: Action, schema: S, input: unknown): Promise<z.output<S>> {
  const { launchId } = parse(launchRef, input);
  const launch = await getLaunchForActor(actor, launchId);
  if (!can(actor, { role: launch.role }, action)) throw new ForbiddenError(forbiddenMessage(action));
  return parse(schema, input);
}

export function parseForAdmin<S extends z.ZodType>(actor: Actor, what: string, schema: S, input: unknown): z.output<S> {
  if (!actor.isAdmin) throw new ForbiddenError(`Only instance admins can ${what}.`);
  return parse(schema, input);
}

export const anyInput = z.unknown();
