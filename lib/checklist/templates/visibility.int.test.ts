import { beforeEach, describe, expect, it } from "vitest";
import { setTemplatePublishedAction } from "@/app/(app)/admin/actions";
import { importChecklistAction, saveTemplateAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { createLaunchAction } from "@/app/(app)/launches/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { webGoLive } from "./index";
import { listTemplates } from "./queries";

// Templates (issue 10): a saved template is private to the team of its launch; an admin may publish it.

let manager: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let admin: TestUser;
let templateId: string;
beforeEach(async () => {
  [manager, viewer, outsider] = await Promise.all([createUser(), createUser(), createUser()]);
  admin = await createUser({ isAdmin: true });
  const source = await createTestLaunch(manager, [[viewer, "VIEWER"]]);
  actAs(manager);
  await importChecklistAction({ launchId: source.id, csv: "section,title\nSecrets,Rotate the HSM keys\n" });
  const saved = await saveTemplateAction({ launchId: source.id, name: `Team recipe ${manager.id.slice(0, 6)}` });
  if (!saved.ok) throw new Error(saved.error);
  templateId = saved.data.id;
});

const newLaunch = (templateId: string) => createLaunchAction({ name: "Copy", system: "X", timeZone: "UTC", templateId });
const listed = async (user: TestUser) => (await listTemplates(user.actor)).map((t) => t.id);

describe("template visibility", () => {
  it("the launch's team lists and uses its saved template", async () => {
    expect(await listed(viewer)).toContain(templateId);
    actAs(viewer);
    const created = await newLaunch(templateId);
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    expect(await db.checklistItem.count({ where: { launchId: created.data.id, title: "Rotate the HSM keys" } })).toBe(1);
  });

  it("an outsider neither lists nor uses another team's template, and learns nothing of it", async () => {
    const theirs = await listTemplates(outsider.actor);
    expect(theirs.map((t) => t.id)).not.toContain(templateId);
    expect(theirs.map((t) => t.id)).toContain(webGoLive.id);
    actAs(outsider);
    const before = await db.launch.count();
    const refused = await newLaunch(templateId);
    expect(refused).toMatchObject({ ok: false, code: "NOT_FOUND", error: "That template does not exist, or it is not shared with your team." });
    expect(JSON.stringify(refused)).not.toContain("HSM");
    expect(await db.launch.count()).toBe(before);
  });

  it("once an admin publishes it, every user lists and uses it; unpublishing makes it private again; audited", async () => {
    actAs(manager);
    expect(await setTemplatePublishedAction({ templateId, published: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(admin);
    expect(await setTemplatePublishedAction({ templateId, published: true })).toMatchObject({ ok: true, data: { published: true } });
    expect(await listed(outsider)).toContain(templateId);
    actAs(outsider);
    expect(await newLaunch(templateId)).toMatchObject({ ok: true });
    const published = await db.event.findFirstOrThrow({ where: { type: "template.published", payload: { path: ["templateId"], equals: templateId } } });
    expect(published).toMatchObject({ launchId: null, actorId: admin.id });

    actAs(admin);
    expect(await setTemplatePublishedAction({ templateId, published: false })).toMatchObject({ ok: true, data: { published: false } });
    expect(await listed(outsider)).not.toContain(templateId);
    actAs(outsider);
    expect(await newLaunch(templateId)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("built-ins cannot be published or unpublished: they are global", async () => {
    actAs(admin);
    expect(await setTemplatePublishedAction({ templateId: webGoLive.id, published: false })).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
