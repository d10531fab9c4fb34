import "server-only";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { DomainError, ValidationError, type FieldErrors } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { getLaunchForActor } from "@/lib/launches/queries";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { loadReadiness } from "@/lib/readiness/load";

export type ActionResult<T> =
  | { ok: true; data: T; readiness?: ReadinessDTO }
  | { ok: false; error: string; code: string; fieldErrors?: FieldErrors; current?: unknown };

/**
 * The adapter every server action goes through: session -> launch visibility -> zod -> domain command ->
 * typed result.
 * Expected failures come back with their message; anything else is logged with context and shown
 * generically, so no internal detail or secret reaches the browser.
 */
export async function runAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  input: unknown,
  handler: (data: z.output<S>, actor: Actor) => Promise<T>,
  opts: { readiness?: boolean } = {},
): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor();
    // Who before what: on a launch the caller may not see, the answer is "not found", never which of
    // their fields were wrong. The command authorizes the specific action again inside its transaction.
    const target = (input as { launchId?: unknown } | null)?.launchId;
    if (typeof target === "string") await getLaunchForActor(actor, target);
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const data = await handler(parsed.data, { userId: actor.userId, isAdmin: actor.isAdmin });
    // Every action on a launch answers with its fresh readiness: the acting user's screen updates from
    // the action itself, while the live stream carries the same change to everyone else.
    const launchId = (parsed.data as { launchId?: unknown } | null)?.launchId;
    const withReadiness = opts.readiness !== false && typeof launchId === "string";
    return { ok: true, data, ...(withReadiness ? { readiness: await freshReadiness(launchId) } : {}) };
  } catch (error) {
    return toFailure(name, error);
  }
}

async function freshReadiness(launchId: string): Promise<ReadinessDTO | undefined> {
  try {
    return (await loadReadiness(launchId)).dto;
  } catch {
    // The change is committed; a readiness that cannot be read now arrives through the stream.
    return undefined;
  }
}

export function validationError(error: z.ZodError) {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return new ValidationError(`${where}${first?.message ?? "Invalid input"}`, fieldErrors);
}

export function toFailure(name: string, error: unknown): ActionResult<never> {
  if (error instanceof DomainError) {
    return {
      ok: false,
      code: error.code,
      error: error.message,
      ...(error instanceof ValidationError ? { fieldErrors: error.fieldErrors } : {}),
      ...("current" in error && error.current !== undefined ? { current: error.current } : {}),
    };
  }
  // Next's redirect()/notFound() are control flow, not failures.
  if (error && typeof error === "object" && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_")) {
    throw error;
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") {
    return { ok: false, code: "CONFLICT", error: "Someone else changed this at the same moment. Try again." };
  }
  console.error(`[action ${name}] failed`, error);
  return { ok: false, code: "INTERNAL", error: "Something went wrong on our side. Nothing was saved; try again." };
}
