import "server-only";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { DomainError, NotFoundError, UnauthenticatedError, ValidationError, type FieldErrors } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { getLaunchForActor } from "@/lib/launches/queries";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { loadReadiness } from "@/lib/readiness/load";
import { withCommittedEventIds } from "@/lib/server/command";

export type ActionResult<T> =
  | { ok: true; data: T; readiness?: ReadinessDTO; /** Events this action committed (its tab's own echo). */ eventIds?: string[] }
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
    // their fields were wrong nor any other refusal. The command authorizes the action inside its
    // transaction, so a valid input costs no separate check; only an answer that would say more than
    // "not found" (bad input, a refused or conflicting change) first confirms the caller sees the launch.
    const target = (input as { launchId?: unknown } | null)?.launchId;
    const visibleFirst = async (error: unknown) => {
      const quiet = error instanceof NotFoundError || error instanceof UnauthenticatedError || isNextControlFlow(error);
      if (typeof target === "string" && !quiet) {
        await getLaunchForActor(actor, target);
      }
      return error;
    };
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw await visibleFirst(validationError(parsed.error));
    const { value: data, eventIds } = await withCommittedEventIds(() => handler(parsed.data, { userId: actor.userId, isAdmin: actor.isAdmin })).catch(
      async (error: unknown) => {
        throw await visibleFirst(error);
      },
    );
    // The readiness after a change reaches every tab, the acting one included, through the live stream
    // (computed once per instance per batch); recomputing it here too would double the cost of a write.
    const launchId = (parsed.data as { launchId?: unknown } | null)?.launchId;
    const withReadiness = opts.readiness === true && typeof launchId === "string";
    return { ok: true, data, eventIds, ...(withReadiness ? { readiness: await freshReadiness(launchId) } : {}) };
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

const RACE_MESSAGES = {
  unique: "Someone else saved the same thing at the same moment, so this one was not saved. Reload and check.",
  concurrent: "Someone else changed this at the same moment. Nothing was saved; try again.",
  // Not a race: the last line of defence when a NUL reaches Postgres past the schemas (22021, 22P05).
  character: "The input contains a character that cannot be stored (such as NUL). Remove it and try again.",
} as const;

/**
 * Races the database settles rather than the code: a unique or exclusion constraint (23505, 23P01:
 * two people adding the same member, group name or overlapping window at once) or a serialization
 * failure or deadlock (40001, 40P01). Prisma 7 reports them as P2002/P2034, or, through the pg adapter,
 * as P2010/P2039 with the Postgres code in meta.driverAdapterError.cause.
 */
function raceKind(error: unknown): keyof typeof RACE_MESSAGES | null {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    const code = String(o.originalCode ?? o.code ?? "");
    if (code === "P2002" || code === "23505" || code === "23P01" || o.kind === "UniqueConstraintViolation") return "unique";
    if (code === "P2034" || code === "40001" || code === "40P01" || o.kind === "TransactionWriteConflict") return "concurrent";
    if (code === "22021" || code === "22P05") return "character";
    e = o.meta?.driverAdapterError ?? o.cause;
  }
  return null;
}

const isNextControlFlow = (error: unknown) =>
  !!error && typeof error === "object" && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_");

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
  if (isNextControlFlow(error)) throw error;
  const race = raceKind(error);
  if (race === "character") return { ok: false, code: "VALIDATION", error: RACE_MESSAGES.character };
  if (race) return { ok: false, code: "CONFLICT", error: RACE_MESSAGES[race] };
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028") {
    return { ok: false, code: "TIMEOUT", error: "That took too long and was stopped; nothing was saved. Try again, or with less at once." };
  }
  console.error(`[action ${name}] failed`, error);
  return { ok: false, code: "INTERNAL", error: "Something went wrong on our side. Nothing was saved; try again." };
}
