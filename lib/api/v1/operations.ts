import "server-only";
import { z } from "zod";
import { changeStatusSchema, commentSchema, evidenceLinksSchema, evidenceNoteSchema, evidenceSchema } from "@/lib/checklist/checklist.schema";
import { addComment } from "@/lib/checklist/comment-commands";
import { changeItemStatus, updateEvidence } from "@/lib/checklist/status-commands";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/domain/errors";
import { redactActivity, seesInvitees } from "@/lib/launches/event-privacy";
import { getLaunchForActor, listMyLaunches } from "@/lib/launches/queries";
import { loadItemDTOs, loadViewPart } from "@/lib/launches/view";
import { executeTask } from "@/lib/runbook/commands";
import { finishTaskSchema, startTaskSchema } from "@/lib/runbook/schema";
import { idSchema } from "@/lib/validation/text";
import { randomUUID } from "node:crypto";
import { listEvents } from "./events";
import { defineOperation, type Operation } from "./operation";

// Every operation of /api/v1. Reads go through the same loaders as the launch pages (loadViewPart: same
// access rule, same shapes); writes call the same domain commands as the server actions, with the same
// zod schemas, so authorization, audit events and the live stream are the UI's own.

const launchParams = z.object({ launchId: idSchema });
const itemParams = z.object({ launchId: idSchema, itemId: idSchema });

export const eventsQuerySchema = z.object({
  after: z.string().regex(/^\d{1,18}$/, "after: an event id from a previous page's nextCursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const eventSchema = z.object({
  id: z.string().describe("Event id; increases in commit order within a launch"),
  type: z.string(),
  at: z.string().describe("ISO 8601 time"),
  actorName: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
const eventsPageSchema = z.object({
  events: z.array(eventSchema),
  nextCursor: z.string().nullable().describe("Pass as `after` to read on; the last event's id, or `after` itself when nothing new"),
  hasMore: z.boolean(),
});

/** The UI's status change, plus optional evidence saved first; `version` optional (latest when omitted). */
export const changeStatusBodySchema = changeStatusSchema
  .omit({ launchId: true, itemId: true })
  .extend({
    version: changeStatusSchema.shape.version.optional().describe("The item version you read; omit to act on the latest"),
    evidenceNote: evidenceNoteSchema.optional().describe("Replaces the item's evidence note"),
    evidenceLinks: evidenceLinksSchema.optional().describe("Added to the item's evidence links (duplicates skipped)"),
  })
  .strict();

export const commentBodySchema = commentSchema.pick({ body: true }).strict();

const opId = startTaskSchema.shape.opId.optional().describe("The runbook's own operation id (8-64 characters): a repeat is one change. Omit for a fresh one");
export const startTaskBodySchema = startTaskSchema.pick({ overrideReason: true }).extend({ opId }).strict();
export const finishTaskBodySchema = finishTaskSchema.pick({}).extend({ opId }).strict();
const taskParams = z.object({ launchId: idSchema, runId: idSchema, taskId: idSchema });
const executionSchema = z.object({ taskId: z.string(), status: z.string(), repeated: z.boolean().optional() });

const object = (description: string) => ({ description, schema: z.looseObject({}) });

export const operations: Operation[] = [
  defineOperation({
    id: "listLaunches",
    method: "GET",
    path: "/launches",
    tag: "Launches",
    summary: "List the token's launches",
    description: "The launches this token is scoped to that its owner can still see.",
    scope: "read",
    params: z.object({}),
    response: { status: 200, description: "The launches", schema: z.object({ launches: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })) }) },
    run: async ({ actor, principal }) => ({ launches: (await listMyLaunches(actor, { ids: [...principal.launchIds], limit: Math.max(1, principal.launchIds.size) })).launches }),
  }),
  defineOperation({
    id: "getLaunch",
    method: "GET",
    path: "/launches/{launchId}",
    tag: "Launches",
    summary: "Read a launch and its readiness",
    scope: "read",
    params: launchParams,
    response: { status: 200, ...object("The launch (meta) and its readiness with reasons") },
    run: async ({ actor, params }) => ({
      launch: await loadViewPart(actor, params.launchId, "meta"),
      readiness: await loadViewPart(actor, params.launchId, "readiness"),
    }),
  }),
  defineOperation({
    id: "listItems",
    method: "GET",
    path: "/launches/{launchId}/items",
    tag: "Checklist",
    summary: "Read the checklist: sections, items, members",
    scope: "read",
    params: launchParams,
    response: { status: 200, ...object("The checklist as the launch page shows it") },
    run: ({ actor, params }) => loadViewPart(actor, params.launchId, "checklist"),
  }),
  defineOperation({
    id: "getItem",
    method: "GET",
    path: "/launches/{launchId}/items/{itemId}",
    tag: "Checklist",
    summary: "Read one checklist item with its comments",
    scope: "read",
    params: itemParams,
    response: { status: 200, ...object("The item, its comments and its history") },
    run: async ({ actor, params }) => {
      const detail = await loadViewPart(actor, params.launchId, "item", { itemId: params.itemId });
      const [item] = await loadItemDTOs(params.launchId, [params.itemId]);
      if (!item) throw new NotFoundError("Checklist item not found.");
      return { item, ...(detail as object) };
    },
  }),
  defineOperation({
    id: "changeItemStatus",
    method: "POST",
    path: "/launches/{launchId}/items/{itemId}/status",
    tag: "Checklist",
    summary: "Change an item's status, with evidence",
    description:
      "Evidence (note, links) is saved first, then the status changes, each through the same command as the checklist page. " +
      "The same gates apply: a reason for BLOCKED, a justification for NOT_APPLICABLE, evidence where required, predecessors done. " +
      "Send an Idempotency-Key header so that a retry is one change.",
    scope: "items:status",
    params: itemParams,
    body: changeStatusBodySchema,
    response: { status: 200, ...object("The item after the change") },
    run: async ({ actor, params, body }) => {
      const current = await db.checklistItem.findFirst({
        where: { id: params.itemId, launchId: params.launchId },
        select: { version: true, evidenceNote: true, evidenceLinks: true },
      });
      // Who before what: the command answers NotFound for a launch the token's owner cannot see.
      if (!current) {
        await getLaunchForActor(actor, params.launchId);
        throw new NotFoundError("Checklist item not found.");
      }
      let version = body.version ?? current.version;
      if (body.evidenceNote !== undefined || body.evidenceLinks !== undefined) {
        const links = [...new Set([...current.evidenceLinks, ...(body.evidenceLinks ?? [])])];
        const evidence = evidenceSchema.safeParse({ ...params, version, evidenceNote: body.evidenceNote ?? current.evidenceNote, evidenceLinks: links });
        if (!evidence.success) throw new ValidationError(evidence.error.issues[0]?.message ?? "Invalid evidence", { evidenceLinks: evidence.error.issues.map((i) => i.message) });
        version = (await updateEvidence(actor, evidence.data)).version;
      }
      return changeItemStatus(actor, { ...params, version, status: body.status, reason: body.reason });
    },
  }),
  defineOperation({
    id: "addItemComment",
    method: "POST",
    path: "/launches/{launchId}/items/{itemId}/comments",
    tag: "Checklist",
    summary: "Comment on an item",
    scope: "items:comment",
    params: itemParams,
    body: commentBodySchema,
    response: { status: 201, description: "The comment", schema: z.object({ id: z.string(), authorName: z.string(), body: z.string(), at: z.string() }) },
    run: ({ actor, params, body }) => addComment(actor, { ...params, body: body.body }),
  }),
  defineOperation({
    id: "listSignoffs",
    method: "GET",
    path: "/launches/{launchId}/signoffs",
    tag: "Sign-offs",
    summary: "Read the sign-off groups and decisions",
    scope: "read",
    params: launchParams,
    response: { status: 200, description: "The sign-off groups", schema: z.array(z.looseObject({})) },
    run: ({ actor, params }) => loadViewPart(actor, params.launchId, "signoffs"),
  }),
  defineOperation({
    id: "listWindows",
    method: "GET",
    path: "/launches/{launchId}/windows",
    tag: "Windows",
    summary: "Read the deployment windows",
    scope: "read",
    params: launchParams,
    response: { status: 200, description: "The launch's windows", schema: z.array(z.looseObject({})) },
    run: ({ actor, params }) => loadViewPart(actor, params.launchId, "windows"),
  }),
  defineOperation({
    id: "getRunbook",
    method: "GET",
    path: "/launches/{launchId}/runbook",
    tag: "Runbook",
    summary: "Read the runbook: streams, tasks, runs and their executions",
    scope: "read",
    params: launchParams,
    response: { status: 200, ...object("The runbook as its page shows it (runbook is null when the launch has none)") },
    run: ({ actor, params }) => loadViewPart(actor, params.launchId, "runbook"),
  }),
  defineOperation({
    id: "startRunbookTask",
    method: "POST",
    path: "/launches/{launchId}/runbook/runs/{runId}/tasks/{taskId}/start",
    tag: "Runbook",
    summary: "Start a runbook task in a run",
    description: "The same command as the runbook page: assignees (or managers) only; a fixed start before its time needs a manager's overrideReason.",
    scope: "runbook:run",
    params: taskParams,
    body: startTaskBodySchema,
    response: { status: 200, description: "The task's execution", schema: executionSchema },
    run: ({ actor, params, body }) => executeTask(actor, "start", { ...params, opId: body.opId ?? randomUUID(), overrideReason: body.overrideReason }),
  }),
  defineOperation({
    id: "finishRunbookTask",
    method: "POST",
    path: "/launches/{launchId}/runbook/runs/{runId}/tasks/{taskId}/finish",
    tag: "Runbook",
    summary: "Finish a runbook task in a run",
    scope: "runbook:run",
    params: taskParams,
    body: finishTaskBodySchema,
    response: { status: 200, description: "The task's execution", schema: executionSchema },
    run: ({ actor, params, body }) => executeTask(actor, "finish", { ...params, opId: body.opId ?? randomUUID() }),
  }),
  defineOperation({
    id: "listEvents",
    method: "GET",
    path: "/launches/{launchId}/events",
    tag: "Events",
    summary: "Read the launch's events (audit trail), oldest first, with a cursor",
    scope: "read",
    params: launchParams,
    query: eventsQuerySchema,
    response: { status: 200, description: "A page of events", schema: eventsPageSchema },
    run: async ({ actor, params, query }) => {
      const launch = await getLaunchForActor(actor, params.launchId);
      const page = await listEvents(params.launchId, query);
      // Invited addresses only for managers, as in the activity list (lib/launches/event-privacy.ts).
      return { ...page, events: redactActivity(page.events, seesInvitees(launch.role, actor.isAdmin)) };
    },
  }),
];

export const operationById = (id: string) => {
  const op = operations.find((o) => o.id === id);
  if (!op) throw new Error(`No API operation ${id}`);
  return op;
};
