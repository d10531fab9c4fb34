import "server-only";
import { db } from "@/lib/db/client";
import { describeEvent } from "@/lib/domain/activity";
import { ForbiddenError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { env as appEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_MATCH_LIMIT, AUDIT_PAGE_SIZE, auditRangeErrors, auditSearchSchema, type AuditSearch, type AuditSearchInput } from "./audit.schema";

// The instance admins' audit search across launches (issue 14): the event table filtered by actor, type,
// launch and time range, newest first, keyset-paginated on id. Each filter has its index (see the
// migration 20261203011000_event_search_indexes). Pagination on id never repeats or skips an event: an
// event written between two pages gets a higher id than every row already shown, so it only ever appears
// on a fresh first page.

export type AuditPerson = { id: string; name: string; email: string };
export type AuditLaunch = { id: string; name: string };
export type AuditRow = {
  id: string;
  at: Date;
  type: string;
  summary: string;
  /** The exact record, for the page's raw view. */
  payload: unknown;
  actorId: string | null;
  actor: AuditPerson | null;
  launchId: string | null;
  launch: AuditLaunch | null;
};
export type AuditResult = {
  search: AuditSearch;
  rows: AuditRow[];
  /** The id to pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** The people (launches) a free-text filter matched; null when that filter is off or names one exactly. */
  actorMatches: AuditPerson[] | null;
  launchMatches: AuditLaunch[] | null;
};

export const ADMINS_ONLY_MESSAGE = "Only instance admins can search the audit trail.";

/** Reads the actor's own row: a revoked or deactivated admin is refused even with a stale actor object. */
async function assertActiveAdmin(actor: Actor) {
  if (!actor.isAdmin) throw new ForbiddenError(ADMINS_ONLY_MESSAGE);
  const me = await db.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true, deactivatedAt: true } });
  if (!me?.isAdmin || me.deactivatedAt) throw new ForbiddenError(ADMINS_ONLY_MESSAGE);
}

/**
 * Every event type that occurs, sorted. A loose index scan over event_type_id_idx: one index probe per
 * distinct type instead of reading every row, so it stays cheap however long the trail grows.
 */
async function distinctTypes(): Promise<string[]> {
  const rows = await db.$queryRaw<{ type: string }[]>`
    WITH RECURSIVE t AS (
      (SELECT type FROM event ORDER BY type LIMIT 1)
      UNION ALL
      SELECT (SELECT e.type FROM event e WHERE e.type > t.type ORDER BY e.type LIMIT 1) FROM t WHERE t.type IS NOT NULL
    )
    SELECT type FROM t WHERE type IS NOT NULL`;
  return rows.map((r) => r.type);
}

/** The event types for the filter's list. Admins only. */
export async function listAuditEventTypes(actor: Actor): Promise<string[]> {
  await assertActiveAdmin(actor);
  return distinctTypes();
}

const tooMany = (field: string, what: string, q: string) =>
  new ValidationError(`More than ${AUDIT_MATCH_LIMIT} ${what} match “${q}”: type more of it.`, {
    [field]: [`More than ${AUDIT_MATCH_LIMIT} ${what} match “${q}”: type more of it`],
  });

/** An exact id or email names one person; otherwise the people whose name or email contains the text. */
async function matchPeople(q: string): Promise<{ people: AuditPerson[]; exact: boolean }> {
  const select = { id: true, name: true, email: true } as const;
  const exact = await db.user.findFirst({ where: { OR: [{ id: q }, { email: { equals: q, mode: "insensitive" } }] }, select });
  if (exact) return { people: [exact], exact: true };
  const people = await db.user.findMany({
    where: { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: AUDIT_MATCH_LIMIT + 1,
    select,
  });
  if (people.length > AUDIT_MATCH_LIMIT) throw tooMany("actor", "people", q);
  return { people, exact: false };
}

/** An exact id names one launch; otherwise the launches whose name contains the text. */
async function matchLaunches(q: string): Promise<{ launches: AuditLaunch[]; exact: boolean }> {
  const select = { id: true, name: true } as const;
  const exact = await db.launch.findUnique({ where: { id: q }, select });
  if (exact) return { launches: [exact], exact: true };
  const launches = await db.launch.findMany({
    where: { name: { contains: q, mode: "insensitive" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: AUDIT_MATCH_LIMIT + 1,
    select,
  });
  if (launches.length > AUDIT_MATCH_LIMIT) throw tooMany("launch", "launches", q);
  return { launches, exact: false };
}

/** Parses the page's parameters: a ValidationError names each bad field and why. */
export function parseAuditSearch(input: AuditSearchInput, now = new Date()): AuditSearch {
  const parsed = auditSearchSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const messages = (fieldErrors[String(issue.path[0] ?? "search")] ??= []);
      if (!messages.includes(issue.message)) messages.push(issue.message);
    }
    throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid search", fieldErrors);
  }
  const { LIFTOFF_HORIZON_PAST_DAYS: pastDays, LIFTOFF_HORIZON_FUTURE_YEARS: futureYears } = appEnv();
  const outside = auditRangeErrors(parsed.data, now, { pastDays, futureYears });
  if (outside) throw new ValidationError(Object.values(outside)[0][0], outside);
  return parsed.data;
}

/**
 * One page (AUDIT_PAGE_SIZE) of events matching the search, newest first. Admins only. `from` is
 * inclusive and `to` exclusive, so two adjacent ranges never both show the event on their shared edge.
 */
export async function searchAudit(actor: Actor, input: AuditSearchInput, now = new Date()): Promise<AuditResult> {
  await assertActiveAdmin(actor);
  return runSearch(input, now, distinctTypes);
}

/** The search itself, for a caller that has checked the admin; `types` is read only for a type prefix. */
async function runSearch(input: AuditSearchInput, now: Date, types: () => Promise<string[]>): Promise<AuditResult> {
  const search = parseAuditSearch(input, now);
  const empty = (m: Partial<AuditResult>): AuditResult => ({ search, rows: [], nextCursor: null, actorMatches: null, launchMatches: null, ...m });

  const where: Prisma.EventWhereInput = {};
  let actorMatches: AuditPerson[] | null = null;
  let launchMatches: AuditLaunch[] | null = null;
  if (search.actor) {
    const { people, exact } = await matchPeople(search.actor);
    if (!exact) actorMatches = people;
    if (people.length === 0) return empty({ actorMatches });
    where.actorId = people.length === 1 ? people[0].id : { in: people.map((p) => p.id) };
  }
  if (search.launch) {
    const { launches, exact } = await matchLaunches(search.launch);
    if (!exact) launchMatches = launches;
    if (launches.length === 0) return empty({ actorMatches, launchMatches });
    where.launchId = launches.length === 1 ? launches[0].id : { in: launches.map((l) => l.id) };
  }
  if (search.type?.endsWith(".")) {
    // A prefix becomes the list of types that occur under it: an IN list uses the (type, id) index under
    // any collation, where LIKE 'x.%' needs a C-collated or pattern_ops index.
    const prefix = search.type;
    const matching = (await types()).filter((t) => t.startsWith(prefix));
    if (matching.length === 0) return empty({ actorMatches, launchMatches });
    where.type = matching.length === 1 ? matching[0] : { in: matching };
  } else if (search.type) {
    where.type = search.type;
  }
  if (search.fromAt || search.toAt) where.at = { gte: search.fromAt, lt: search.toAt };
  if (search.before) where.id = { lt: search.before };

  const events = await db.event.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, at: true, type: true, payload: true, actorId: true, launchId: true, launch: { select: { id: true, name: true } } },
  });
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  const actorIds = [...new Set(page.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const people = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = page.map(
    (e): AuditRow => ({
      id: e.id.toString(),
      at: e.at,
      type: e.type,
      summary: describeEvent(e.type, isRecord(e.payload) ? e.payload : {}),
      payload: e.payload,
      actorId: e.actorId,
      actor: e.actorId ? (byId.get(e.actorId) ?? null) : null,
      launchId: e.launchId,
      launch: e.launch,
    }),
  );
  const nextCursor = events.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id.toString() : null;
  return { search, rows, nextCursor, actorMatches, launchMatches };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export type AuditPageData =
  | { ok: true; types: string[]; result: AuditResult }
  | { ok: false; types: string[]; error: string; fieldErrors: Record<string, string[]> };

/** What the page shows: the list of types and a page of events, or the search's field errors. Admins only. */
export async function loadAuditPage(actor: Actor, input: AuditSearchInput): Promise<AuditPageData> {
  // One admin check and one read of the types serve the filter's list and a type-prefix search.
  const types = await listAuditEventTypes(actor);
  try {
    return { ok: true, types, result: await runSearch(input, new Date(), async () => types) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, types, error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}
