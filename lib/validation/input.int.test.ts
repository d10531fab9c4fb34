// Issue 10, bounded and well-formed input: what the forms refuse, the CSV import and the actions refuse
// too, with the field named and nothing written; races the database settles answer CONFLICT.
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironmentAction } from "@/app/(app)/admin/actions";
import { updateEvidenceAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { createItemAction, createSectionAction, importChecklistAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { createGroupAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { createLaunchAction } from "@/app/(app)/launches/actions";
import { toFailure } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, uid, type TestUser } from "@/lib/test/fixtures";

let manager: TestUser;
let approver: TestUser;
let launchId: string;

beforeAll(async () => {
  manager = await createUser();
  approver = await createUser();
  launchId = (await createTestLaunch(manager, [[approver, "APPROVER"]])).id;
});

const checklistRows = async () => ({
  sections: await db.checklistSection.count({ where: { launchId } }),
  items: await db.checklistItem.count({ where: { launchId } }),
});

describe("CSV import validates every row with the forms' schemas", () => {
  it("reports row, column and reason for each bad row and writes nothing", async () => {
    actAs(manager);
    const before = await checklistRows();
    const links = Array.from({ length: 31 }, (_, i) => `https://ci.example.com/${i}`).join(" | ");
    const csv = [
      "section,title,description,evidence_links,predecessors",
      "Prep,Fine row,,,",
      `Prep,${"t".repeat(300)},,,`,
      `Prep,Long description,${"d".repeat(5000)},,`,
      "Prep,Script link,,javascript:alert(1),",
      `Prep,Data link,,"data:text/html,<script>x</script>",`,
      `Prep,Many links,,${links},`,
      `Prep,Many predecessors,,,${Array.from({ length: 60 }, (_, i) => `k${i}`).join(" | ")}`,
    ].join("\n");
    const result = await importChecklistAction({ launchId, csv, mode: "append" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    const lines = result.ok ? [] : (result.fieldErrors?.csv ?? []);
    expect(lines).toEqual([
      "Row 3, title: Keep the title under 200 characters.",
      "Row 4, description: Keep the description under 4000 characters.",
      "Row 5, evidence_links: “javascript:alert(1)”: Links must be full http(s) URLs, such as https://ci.example.com/run/42.",
      "Row 6, evidence_links: “data:text/html,<script>x</script>”: Links must be full http(s) URLs, such as https://ci.example.com/run/42.",
      "Row 7, evidence_links: At most 20 links; this row has 31.",
      "Row 8, predecessors: At most 50 predecessors; this row has 60.",
    ]);
    expect(result.ok ? "" : result.error).toMatch(/^The file has 6 problems; nothing was imported\. Row 3, title:/);
    expect(await checklistRows()).toEqual(before);
  });

  it("refuses a NUL byte in a cell as a field error, not INTERNAL", async () => {
    actAs(manager);
    const result = await importChecklistAction({ launchId, csv: "section,title\nPrep,Cut\u0000over\n", mode: "append" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { csv: ["Row 2, title: The title contains a control character."] } });
  });

  it("refuses a 2.5 MB file with “File too large (max 2 MB)” before reading it", async () => {
    actAs(manager);
    const before = await checklistRows();
    const row = `Prep,${"x".repeat(120)}\n`;
    const csv = `section,title\n${row.repeat(Math.ceil(2.5e6 / row.length))}`;
    expect(csv.length).toBeGreaterThan(2.5e6);
    const result = await importChecklistAction({ launchId, csv, mode: "replace" });
    expect(result).toEqual({ ok: false, code: "VALIDATION", error: "csv: File too large (max 2 MB)", fieldErrors: { csv: ["File too large (max 2 MB)"] } });
    expect(await checklistRows()).toEqual(before);
  });

  it("counts bytes, not characters: 1.2 M three-byte characters are over 2 MB", async () => {
    actAs(manager);
    const result = await importChecklistAction({ launchId, csv: `section,title\nPrep,${"€".repeat(1_200_000)}\n`, mode: "append" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { csv: ["File too large (max 2 MB)"] } });
  });

  it("imports a valid file of 2,000 rows in one transaction", async () => {
    actAs(manager);
    const target = (await createTestLaunch(manager)).id;
    const rows = Array.from({ length: 2000 }, (_, i) => `S${i % 20},Item ${i},https://ci.example.com/${i}`);
    const started = Date.now();
    const result = await importChecklistAction({ launchId: target, csv: ["section,title,evidence_links", ...rows].join("\n"), mode: "append" });
    expect(result).toMatchObject({ ok: true, data: { items: 2000, sections: 20 } });
    console.log(`[input] 2,000-row import took ${Date.now() - started} ms`);
    expect(await db.checklistItem.count({ where: { launchId: target } })).toBe(2000);
  });
});

describe("NUL and control characters in form fields", () => {
  it("answers a field error, never INTERNAL, and writes nothing", async () => {
    actAs(manager);
    const before = await checklistRows();
    expect(await createSectionAction({ launchId, title: "Prep\u0000" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { title: ["The title contains a control character"] },
    });
    const launches = await db.launch.count();
    expect(await createLaunchAction({ name: "Bell\u0007launch", system: "Core", timeZone: "UTC" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: ["The name contains a control character"] },
    });
    expect(await db.launch.count()).toBe(launches);
    expect(await checklistRows()).toEqual(before);
  });

  it("refuses javascript: and data: evidence links from the form", async () => {
    actAs(manager);
    const section = await createSectionAction({ launchId, title: "Links" });
    expect(section.ok).toBe(true);
    const item = await createItemAction({ launchId, sectionId: section.ok ? section.data.id : "", title: "Has evidence" });
    expect(item.ok).toBe(true);
    const itemId = item.ok ? item.data.id : "";
    for (const link of ["javascript:alert(1)", "data:text/html,x", " JaVaScRiPt:alert(1)", "http://user:pass@example.com"]) {
      const result = await updateEvidenceAction({ launchId, itemId, version: 1, evidenceLinks: [link] });
      expect({ link, ...result }).toMatchObject({ link, ok: false, code: "VALIDATION", fieldErrors: { "evidenceLinks.0": [expect.stringContaining("http(s)")] } });
    }
    expect((await db.checklistItem.findUniqueOrThrow({ where: { id: itemId } })).evidenceLinks).toEqual([]);
  });
});

describe("races on unique constraints answer CONFLICT", () => {
  it("two managers creating sign-off groups with the same name at once: one is created, the other is told", async () => {
    actAs(manager);
    const name = `Security ${uid()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => createGroupAction({ launchId, name, rule: "ANY", approverIds: [approver.id] })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: expect.stringMatching(/^(CONFLICT|VALIDATION)$/) });
    expect(results.some((r) => !r.ok && r.code === "INTERNAL")).toBe(false);
    expect(await db.signoffGroup.count({ where: { launchId, name } })).toBe(1);
  });

  it("two admins creating the same environment at once: one is created, the other gets CONFLICT", async () => {
    const admin = await createUser({ isAdmin: true });
    actAs(admin);
    const name = `race-${uid()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => createEnvironmentAction({ name, description: "" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(Array(5).fill("CONFLICT"));
    expect(await db.environment.count({ where: { name } })).toBe(1);
  });
});

describe("toFailure maps the database's own race errors", () => {
  const failureOf = async (write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      return toFailure("test", error);
    }
    throw new Error("the write was expected to fail");
  };

  it("a unique violation (P2002) and its raw-SQL form (23505) answer CONFLICT", async () => {
    const name = `dup-${uid()}`;
    await db.environment.create({ data: { name } });
    expect(await failureOf(() => db.environment.create({ data: { name } }))).toMatchObject({ ok: false, code: "CONFLICT" });
    const raw = () => db.$executeRaw`INSERT INTO "environment" (id, name) VALUES (${uid()}, ${name})`;
    expect(await failureOf(raw)).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("an exclusion violation (two scheduled windows overlapping on one environment) answers CONFLICT", async () => {
    const environment = await db.environment.create({ data: { name: `excl-${uid()}` } });
    const startsAt = new Date(Date.now() + 40 * 86_400_000);
    const window = { launchId, environmentId: environment.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), timeZone: "UTC", status: "SCHEDULED" as const };
    await db.deploymentWindow.create({ data: window });
    expect(await failureOf(() => db.deploymentWindow.create({ data: window }))).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("a NUL that reaches Postgres past the schemas answers VALIDATION, not INTERNAL", async () => {
    expect(await failureOf(() => db.launch.findUnique({ where: { id: "x\u0000y" } }))).toMatchObject({ ok: false, code: "VALIDATION", error: expect.stringContaining("NUL") });
  });

  it("anything else stays INTERNAL, with a generic message", async () => {
    expect(await failureOf(() => db.$executeRaw`SELECT 1/0`)).toMatchObject({ ok: false, code: "INTERNAL", error: expect.stringContaining("Something went wrong") });
  });
});
