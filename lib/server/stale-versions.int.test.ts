import { beforeEach, describe, expect, it } from "vitest";
import { transitionLaunchAction } from "@/app/(app)/launches/[launchId]/go-no-go/actions";
import { recordMetricAction, signCriterionAction } from "@/app/(app)/launches/[launchId]/hypercare/actions";
import { addStreamAction, createRunbookAction, renameStreamAction, updateRunbookSettingsAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { db } from "@/lib/db/client";
import type { HypercareDTO } from "@/lib/hypercare/types";
import { loadViewPart } from "@/lib/launches/view";
import type { RunbookDto } from "@/lib/runbook/dto";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";

// Concurrent edits never overwrite silently: every versioned action answers a second change made on the
// same version with a CONFLICT that carries the winner's state, and leaves the first change intact. The
// checklist (lib/checklist/conflicts.int.test.ts), sign-off groups, windows, status updates, runbook tasks
// and incidents have their own; these are the versioned actions of the runbook settings and of hypercare.

let ann: TestUser;
let bob: TestUser;
let launchId: string;

beforeEach(async () => {
  ann = await createUser({ name: "Ann Manager" });
  bob = await createUser({ name: "Bob Manager" });
  launchId = (await createTestLaunch(ann, [[bob, "MANAGER"]])).id;
});

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string; code: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.error}`);
  return r.data;
}
const runbook = async () => (await loadViewPart(ann.actor, launchId, "runbook")) as RunbookDto;
const hypercare = async () => (await loadViewPart(ann.actor, launchId, "hypercare")) as HypercareDTO;

describe("stale versions on the runbook's settings", () => {
  it("updateRunbookSettingsAction: the second save on the same version is a CONFLICT showing the first, which stays", async () => {
    actAs(ann);
    ok(await createRunbookAction({ launchId, templateKey: "blank" }));
    const { version } = (await runbook()).runbook!;
    ok(await updateRunbookSettingsAction({ launchId, version, rollbackMin: 45, bufferMin: 10 }));
    actAs(bob);
    const second = await updateRunbookSettingsAction({ launchId, version, rollbackMin: 20, bufferMin: 5 });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("45 min rollback"), current: { rollbackMin: 45, bufferMin: 10 } });
    expect((await runbook()).rollback).toMatchObject({ rollbackMin: 45, bufferMin: 10 });
  });

  it("renameStreamAction: the second rename on the same version is a CONFLICT naming the first, which stays", async () => {
    actAs(ann);
    ok(await createRunbookAction({ launchId, templateKey: "blank" }));
    const stream = ok(await addStreamAction({ launchId, name: "App" }));
    ok(await renameStreamAction({ launchId, streamId: stream.id, version: stream.version, name: "Application" }));
    actAs(bob);
    const second = await renameStreamAction({ launchId, streamId: stream.id, version: stream.version, name: "Apps" });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("“Application”"), current: { name: "Application" } });
    expect((await runbook()).streams.map((s) => s.name)).toEqual(["Application"]);
  });
});

describe("stale versions on hypercare's exit criteria", () => {
  beforeEach(async () => {
    await db.launch.update({ where: { id: launchId }, data: { status: "LIVE" } });
    actAs(ann);
    ok(await transitionLaunchAction({ launchId, to: "HYPERCARE" }));
  });

  it("recordMetricAction: a value recorded on a stale version is a CONFLICT, and the first value stays", async () => {
    const metric = (await hypercare()).criteria.find((c) => c.kind === "METRIC")!;
    actAs(ann);
    ok(await recordMetricAction({ launchId, criterionId: metric.id, version: metric.version, value: "0.21" }));
    actAs(bob);
    expect(await recordMetricAction({ launchId, criterionId: metric.id, version: metric.version, value: "0.9" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await hypercare()).criteria.find((c) => c.id === metric.id)).toMatchObject({ value: "0.21" });
  });

  it("signCriterionAction: an unsign on a stale version is a CONFLICT, and the signature stays", async () => {
    const signed = (await hypercare()).criteria.find((c) => c.kind === "SIGNED")!;
    actAs(ann);
    ok(await signCriterionAction({ launchId, criterionId: signed.id, version: signed.version, signed: true }));
    actAs(bob);
    expect(await signCriterionAction({ launchId, criterionId: signed.id, version: signed.version, signed: false })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await hypercare()).criteria.find((c) => c.id === signed.id)).toMatchObject({ signedByName: "Ann Manager" });
  });
});
