import { beforeAll, describe, expect, it } from "vitest";
import { createLaunchAction } from "@/app/(app)/launches/actions";
import { importChecklistAction, saveTemplateAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { exportLaunchCsv } from "./export";
import { loadChecklist } from "./queries";
import { BUILTIN_TEMPLATES, webGoLive } from "./templates/index";
import { countItems } from "./templates/content";

let manager: TestUser;
let eli: TestUser;

beforeAll(async () => {
  manager = await createUser();
  eli = await createUser();
});

const count = async (launchId: string) => ({
  sections: await db.checklistSection.count({ where: { launchId } }),
  items: await db.checklistItem.count({ where: { launchId } }),
  events: (await eventsOf(launchId)).length,
});

describe("templates", () => {
  it("creates a launch from a built-in template: sections, items, predecessors, sign-off groups, and the event names it", async () => {
    actAs(manager);
    const result = await createLaunchAction({ name: "From template", system: "Web shop", timeZone: "Europe/London", templateId: webGoLive.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const launchId = result.data.id;
    const checklist = await loadChecklist(manager.actor, launchId);
    expect(checklist.sections.map((s) => s.title)).toEqual(webGoLive.content.sections.map((s) => s.title));
    expect(checklist.items).toHaveLength(countItems(webGoLive.content));
    const smoke = checklist.items.find((i) => i.title === "Production smoke test passes")!;
    const deploy = checklist.items.find((i) => i.title === "Deploy the release")!;
    expect(smoke.predecessorIds).toEqual([deploy.id]);
    expect(smoke).toMatchObject({ dueOffsetMinutes: 30, requiresEvidence: true, status: "TODO" });
    const groups = await db.signoffGroup.findMany({ where: { launchId }, orderBy: { position: "asc" } });
    expect(groups.map((g) => [g.name, g.rule])).toEqual(webGoLive.content.signoffGroups.map((g) => [g.name, g.rule]));
    const [created] = await eventsOf(launchId);
    expect(created).toMatchObject({ type: "launch.created", payload: expect.objectContaining({ template: webGoLive.name }) });
    expect(await db.template.count({ where: { id: { in: BUILTIN_TEMPLATES.map((t) => t.id) } } })).toBe(5);
  });

  it("refuses an unknown template and leaves no launch behind", async () => {
    actAs(manager);
    const before = await db.launch.count();
    expect(await createLaunchAction({ name: "Ghost", system: "X", timeZone: "UTC", templateId: "builtin-nope" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      error: "That template does not exist, or it is not shared with your team.",
    });
    expect(await db.launch.count()).toBe(before);
  });

  it("saves a launch's checklist as a template (managers only) that a new launch can start from", async () => {
    const source = await createTestLaunch(manager, [[eli, "ENGINEER"]]);
    actAs(manager);
    await importChecklistAction({ launchId: source.id, csv: "key,section,title,due,predecessors\na,Prep,Back up,T-1d,\nb,Go,Migrate,T,a\n" });
    actAs(eli);
    expect(await saveTemplateAction({ launchId: source.id, name: "Our migration" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(manager);
    const saved = await saveTemplateAction({ launchId: source.id, name: "Our migration", description: "Two steps" });
    expect(saved).toMatchObject({ ok: true, data: { name: "Our migration", items: 2 } });
    if (!saved.ok) return;
    const created = await createLaunchAction({ name: "Second migration", system: "Ledger", timeZone: "UTC", templateId: saved.data.id });
    if (!created.ok) throw new Error(created.error);
    const copy = await loadChecklist(manager.actor, created.data.id);
    const migrate = copy.items.find((i) => i.title === "Migrate")!;
    expect(migrate.predecessorIds).toEqual([copy.items.find((i) => i.title === "Back up")!.id]);
    expect(migrate.dueOffsetMinutes).toBe(0);
    expect((await eventsOf(source.id)).at(-1)).toMatchObject({ type: "template.saved" });
  });
});

describe("CSV import", () => {
  it("refuses a file with bad rows as a whole, listing row numbers and reasons, writing nothing", async () => {
    const launch = await createTestLaunch(manager, [[eli, "ENGINEER"]]);
    actAs(manager);
    await importChecklistAction({ launchId: launch.id, csv: "section,title\nExisting,Keep me\n" });
    const before = await count(launch.id);
    const csv = [
      "key,section,title,owner_email,status,status_reason,predecessors,due",
      `a,Testing,Good row,${eli.email},TODO,,,T-2d`,
      "b,Testing,,,,,,", // row 3: no title
      "c,Testing,Blocked without reason,,BLOCKED,,,", // row 4
      "d,Testing,Unknown owner,nobody@example.com,,,,", // row 5
      "e,Testing,Bad due,,,,,next tuesday", // row 6
    ].join("\n");
    const result = await importChecklistAction({ launchId: launch.id, csv, mode: "replace" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    const lines = result.fieldErrors!.csv;
    expect(lines.map((l) => Number(/^Row (\d+)/.exec(l)![1]))).toEqual([3, 4, 5, 6]);
    expect(lines[0]).toContain("title is missing");
    // Statuses obey the same gates as ticks: a DONE row whose predecessor is open is refused too.
    const gated = await importChecklistAction({ launchId: launch.id, csv: "key,section,title,status,predecessors\na,T,First,TODO,\nf,T,Second,DONE,a\n" });
    expect(gated).toMatchObject({ ok: false, fieldErrors: { csv: ["Row 3: “Second” can’t be done yet: “First” is not finished."] } });
    expect(await count(launch.id)).toEqual(before);
  });

  it("round-trips a checklist through export and import, keeping everything", async () => {
    const source = await createTestLaunch(manager, [[eli, "ENGINEER"]]);
    actAs(manager);
    const csv = [
      "key,section,title,description,owner_email,due,required,requires_evidence,status,status_reason,evidence_note,evidence_links,predecessors",
      `k1,Testing,"Load test, 2x peak","Run it\nfor 30 min",${eli.email},T-2d,yes,yes,DONE,,p95 180 ms,https://a.example/1 | https://a.example/2,`,
      "k2,Testing,Smoke,,,2026-06-01T09:00:00+01:00,no,no,BLOCKED,Waiting for DNS,,,k1",
      "k3,Rollout,Canary,,,T+1h,yes,no,NOT_APPLICABLE,No canary infra,,,k1 | k2",
      ",Empty section,,,,,,,,,,,",
    ].join("\n");
    expect(await importChecklistAction({ launchId: source.id, csv, mode: "replace" })).toMatchObject({ ok: true, data: { items: 3, sections: 3 } });
    const exported = await exportLaunchCsv(manager.actor, source.id);
    const target = await createTestLaunch(manager, [[eli, "ENGINEER"]]);
    expect(await importChecklistAction({ launchId: target.id, csv: exported.csv, mode: "replace" })).toMatchObject({ ok: true });
    const strip = async (launchId: string) => {
      const c = await loadChecklist(manager.actor, launchId);
      const titleOf = new Map(c.items.map((i) => [i.id, i.title]));
      const section = new Map(c.sections.map((s) => [s.id, s.title]));
      return {
        sections: c.sections.map((s) => s.title),
        items: c.items.map(({ id: _i, sectionId, predecessorIds, version: _v, updatedAt: _u, updatedByName: _n, ...rest }) => ({
          ...rest,
          section: section.get(sectionId),
          predecessors: predecessorIds.map((p) => titleOf.get(p)).sort(),
        })).sort((x, y) => `${x.section}/${x.position}`.localeCompare(`${y.section}/${y.position}`)),
      };
    };
    expect(await strip(target.id)).toEqual(await strip(source.id));
    expect((await exportLaunchCsv(manager.actor, target.id)).csv).toBe(exported.csv);
  });
});
