import { beforeEach, describe, expect, it } from "vitest";
import { addCommentAction, changeItemStatusAction, updateEvidenceAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { createItemAction, createSectionAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { createShareLinkAction, revokeShareLinkAction } from "@/app/(app)/launches/[launchId]/share/actions";
import { postStatusUpdateAction } from "@/app/(app)/launches/[launchId]/updates/actions";
import { addDependencyAction, addStreamAction, addTaskAction, createRunbookAction, finishTaskAction, startTaskAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { GET as getShare } from "@/app/api/share/[token]/route";
import { GET as getShareEvents } from "@/app/api/share/[token]/events/route";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { readSse, until } from "@/lib/test/sse";
import { hashShareToken } from "./links";

// A share token sees exactly the allowed fields: asserted on the JSON the page is built from and on what
// the share stream sends; nothing after revocation or expiry.

let manager: TestUser;
let engineer: TestUser;
let launchId: string;
let itemId: string;

const SECRET_COMMENT = "internal: the DBA is on holiday";
const SECRET_LINK = "https://ci.internal.example/run/42";
const SECRET_EVIDENCE = "evidence note nobody outside may read";

beforeEach(async () => {
  manager = await createUser({ name: "Mia Manager-Secret" });
  engineer = await createUser({ name: "Eli Engineer-Secret" });
  launchId = (await createTestLaunch(manager, [[engineer, "ENGINEER"]])).id;
  actAs(manager);
  const section = await createSectionAction({ launchId, title: "Data migration" });
  if (!section.ok) throw new Error(section.error);
  const item = await createItemAction({ launchId, sectionId: section.data.id, title: "Row counts match", ownerId: engineer.id });
  if (!item.ok) throw new Error(item.error);
  itemId = item.data.id;
  actAs(engineer);
  expect(await updateEvidenceAction({ launchId, itemId, version: item.data.version, evidenceNote: SECRET_EVIDENCE, evidenceLinks: [SECRET_LINK] })).toMatchObject({ ok: true });
  expect(await addCommentAction({ launchId, itemId, body: SECRET_COMMENT })).toMatchObject({ ok: true });
  actAs(manager);
  expect(await postStatusUpdateAction({ launchId, title: "Migration started", message: "Read-only until 03:00", impact: "MINOR", state: "IN_PROGRESS", components: ["Ledger"] })).toMatchObject({ ok: true });
});

async function createLink(over: { showNames?: boolean; expiresInHours?: number } = {}) {
  actAs(manager);
  const result = await createShareLinkAction({ launchId, name: "Partner bank", ...over });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const fetchDto = async (token: string) => {
  const response = await getShare(new Request(`http://localhost/api/share/${token}`), { params: Promise.resolve({ token }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, text: "" };
};

function openStream(token: string, after?: string) {
  const abort = new AbortController();
  const request = new Request(`http://localhost/api/share/${token}/events${after ? `?after=${after}` : ""}`, { signal: abort.signal });
  return { response: getShareEvents(request, { params: Promise.resolve({ token }) }), abort };
}


/** Every key path of a JSON value ("updates[].title"), to compare against the allow-list. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => keyPaths(v, `${prefix}[]`)))];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      const inner = keyPaths(v, path);
      return inner.length ? inner : [path];
    });
  }
  return [];
}

const ALLOWED = [
  "link.name", "link.showNames", "link.expiresAt",
  "launch.name", "launch.system", "launch.status", "launch.timeZone",
  "readiness.state", "readiness.reasons[].code", "readiness.reasons[].severity", "readiness.reasons[].message", "readiness.computedAt",
  "window",
  "progress.percent", "progress.requiredResolved", "progress.requiredTotal",
  "progress.sections[].title", "progress.sections[].done", "progress.sections[].total", "progress.sections[].percent",
  "updates[].id", "updates[].title", "updates[].message", "updates[].impact", "updates[].state", "updates[].components",
  "updates[].createdAt", "updates[].updatedAt",
  "runbook",
];

function expectNothingPrivate(json: string) {
  for (const secret of [SECRET_COMMENT, SECRET_LINK, SECRET_EVIDENCE, "Mia Manager-Secret", "Eli Engineer-Secret", manager.email, engineer.email, manager.id, engineer.id, itemId]) {
    expect(json, secret).not.toContain(secret);
  }
}

describe("share links", () => {
  it("the page's JSON holds exactly the allowed fields: no names, comments, evidence, emails or ids of people and items", async () => {
    const { token } = await createLink();
    const { status, body } = await fetchDto(token);
    expect(status).toBe(200);
    expect(keyPaths(body).sort()).toEqual([...ALLOWED].sort());
    expectNothingPrivate(JSON.stringify(body));
    expect(body).toMatchObject({
      link: { name: "Partner bank", showNames: false, expiresAt: null },
      readiness: { state: "NOT_READY" },
      progress: { requiredTotal: 1, sections: [{ title: "Data migration", done: 0, total: 1 }] },
      updates: [{ title: "Migration started", components: ["Ledger"] }],
      runbook: null,
    });
    // The token itself is stored only as its hash.
    expect(await db.shareLink.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.shareLink.count({ where: { tokenHash: hashShareToken(token) } })).toBe(1);
  });

  it("a link whose manager allowed names shows update authors, and only them", async () => {
    const { token } = await createLink({ showNames: true });
    const { body } = await fetchDto(token);
    expect(keyPaths(body).sort()).toEqual([...ALLOWED, "updates[].authorName"].sort());
    expect(body.updates).toMatchObject([{ authorName: "Mia Manager-Secret" }]);
    expect(JSON.stringify(body)).not.toContain("Eli Engineer-Secret");
  });

  it("the stream sends a checklist tick and a status update through the allow-list, then closes on revocation", async () => {
    const { id: linkId, token } = await createLink();
    const newest = await db.event.findFirstOrThrow({ where: { launchId }, orderBy: { id: "desc" }, select: { id: true } });
    const stream = openStream(token, String(newest.id));
    const response = await stream.response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const got = readSse(response.body!);
    expect(await until(() => got.some((m) => m.event === "hello"))).toBe(true);
    expect(JSON.parse(got.find((m) => m.event === "hello")!.data).userIds).toEqual([]);

    actAs(engineer);
    const item = await db.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } });
    expect(await changeItemStatusAction({ launchId, itemId, version: item.version, status: "DONE" })).toMatchObject({ ok: true });
    expect(await addCommentAction({ launchId, itemId, body: SECRET_COMMENT })).toMatchObject({ ok: true });
    actAs(manager);
    expect(await postStatusUpdateAction({ launchId, title: "Migration done", message: "", impact: "NONE", state: "COMPLETED", components: [] })).toMatchObject({ ok: true });

    const changes = () => got.filter((m) => m.event === "change").map((m) => JSON.parse(m.data) as { patch: Record<string, unknown>; events?: unknown });
    expect(await until(() => changes().some((c) => c.patch.progress && (c.patch.progress as { percent: number }).percent === 100))).toBe(true);
    expect(await until(() => changes().some((c) => Array.isArray(c.patch.updates) && (c.patch.updates as { title: string }[])[0]?.title === "Migration done"))).toBe(true);
    for (const c of changes()) {
      expect(Object.keys(c)).toEqual(["patch"]); // no events: they carry actors and payloads
      const allowedPatch = new Set([...ALLOWED.filter((p) => !p.startsWith("link."))]);
      for (const path of keyPaths(c.patch)) expect(allowedPatch.has(path), path).toBe(true);
    }
    expectNothingPrivate(JSON.stringify(changes()));

    actAs(manager);
    expect(await revokeShareLinkAction({ launchId, linkId })).toMatchObject({ ok: true });
    expect(await until(() => got.some((m) => m.event === "revoked"))).toBe(true);
    // Revoked: the page's JSON and a new stream are refused alike.
    expect((await fetchDto(token)).status).toBe(404);
    expect((await openStream(token).response).status).toBe(404);
    stream.abort.abort();
  });

  it("shows the runbook's live forecast against the window end, with no task or person in it, and streams it as tasks run", async () => {
    // A two-hour window that began ten minutes ago, and a runbook of two 30-minute tasks, one after the other.
    const env = await db.environment.create({ data: { name: `share-env-${launchId.slice(-8)}` } });
    const start = new Date(Date.now() - 10 * 60_000);
    await db.deploymentWindow.create({ data: { launchId, environmentId: env.id, startsAt: start, endsAt: new Date(start.getTime() + 120 * 60_000), timeZone: "Europe/London", status: "IN_PROGRESS" } });
    actAs(manager);
    const ok = <T,>(r: { ok: true; data: T } | { ok: false; error: string }) => { if (!r.ok) throw new Error(r.error); return r.data; };
    ok(await createRunbookAction({ launchId, templateKey: "blank" }));
    const stream = ok(await addStreamAction({ launchId, name: "App" }));
    const task = ok(await addTaskAction({ launchId, streamId: stream.id, title: "Secret task: rotate the HSM keys", durationMin: 30, assigneeIds: [engineer.id] }));
    const second = ok(await addTaskAction({ launchId, streamId: stream.id, title: "Second task", durationMin: 30, assigneeIds: [engineer.id] }));
    ok(await addDependencyAction({ launchId, fromId: task.id, toId: second.id, type: "FS", lagMin: 0 }));
    const runId = (await db.runbookRun.findFirstOrThrow({ where: { runbook: { launchId } }, select: { id: true } })).id;

    const { token } = await createLink();
    const { body } = await fetchDto(token);
    expect(keyPaths(body).filter((p) => p.startsWith("runbook")).sort()).toEqual(["runbook.forecastEnd", "runbook.late", "runbook.slackMin"]);
    const before = body.runbook as { forecastEnd: string; slackMin: number; late: boolean };
    expect(before.late).toBe(false);
    expect(JSON.stringify(body)).not.toContain("HSM");

    const newest = await db.event.findFirstOrThrow({ where: { launchId }, orderBy: { id: "desc" }, select: { id: true } });
    const live = openStream(token, String(newest.id));
    const got = readSse((await live.response).body!);
    expect(await until(() => got.some((m) => m.event === "hello"))).toBe(true);
    actAs(engineer);
    ok(await startTaskAction({ launchId, runId, taskId: task.id, opId: crypto.randomUUID() }));
    ok(await finishTaskAction({ launchId, runId, taskId: task.id, opId: crypto.randomUUID() }));
    // Finishing 30 minutes early pulls the forecast in: the share stream says so, through the allow-list.
    const forecasts = () => got.filter((m) => m.event === "change").map((m) => (JSON.parse(m.data) as { patch: { runbook?: { forecastEnd: string } } }).patch.runbook).filter(Boolean);
    expect(await until(() => forecasts().some((r) => new Date(r!.forecastEnd) < new Date(before.forecastEnd)))).toBe(true);
    for (const m of got.filter((x) => x.event === "change")) {
      for (const path of keyPaths(JSON.parse(m.data).patch)) expect(ALLOWED.some((a) => path === a || path.startsWith(`${a}.`)), path).toBe(true);
    }
    expect(JSON.stringify(got)).not.toContain("HSM");
    live.abort.abort();
  });

  it("an expired link shows nothing, and neither do unknown or malformed tokens", async () => {
    const { id, token } = await createLink({ expiresInHours: 24 });
    expect((await fetchDto(token)).status).toBe(200);
    await db.shareLink.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await fetchDto(token)).status).toBe(404);
    expect((await openStream(token).response).status).toBe(404);
    for (const bad of ["x".repeat(43), "short", "../../etc/passwd", token.slice(0, 42) + "!"]) {
      expect((await fetchDto(bad)).status, bad).toBe(404);
    }
  });

  it("only managers create links; revoking works on the link's own launch only", async () => {
    actAs(engineer);
    expect(await createShareLinkAction({ launchId, name: "Sneaky" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const { id } = await createLink();
    actAs(engineer);
    expect(await revokeShareLinkAction({ launchId, linkId: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const other = (await createTestLaunch(manager)).id;
    actAs(manager);
    expect(await revokeShareLinkAction({ launchId: other, linkId: id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.shareLink.findUniqueOrThrow({ where: { id } })).toMatchObject({ revokedAt: null });
    // The events audit who did what, never the token.
    const created = await db.event.findFirstOrThrow({ where: { launchId, type: "share_link.created" } });
    expect(Object.keys(created.payload as object).sort()).toEqual(["expiresAt", "linkId", "name", "showNames"]);
  });
});
