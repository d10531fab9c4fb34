import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";
import { tourShareLink } from "./support/share";
import { prepareHypercareTour } from "./support/hypercare-tour";
import { prepareTour, tourStops, visit } from "./support/tour";

// axe-core on every page, light and dark: no serious or critical violation anywhere.
let tour: Awaited<ReturnType<typeof prepareTour>>;
let hypercare: Awaited<ReturnType<typeof prepareHypercareTour>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  tour = await prepareTour(browser);
  hypercare = await prepareHypercareTour(browser, tour);
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const name of tourStops) {
    test(`axe: ${name} (${colorScheme}) has no serious or critical violation`, async ({ browser }) => {
      const stop = tour.stops.find((s) => s.name === name)!;
      const context = await browser.newContext({ colorScheme, storageState: stop.signedOut ? undefined : tour.state });
      const page = await context.newPage();
      await visit(page, stop);
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      await context.close();
      const found = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("\n    ")}`);
      expect(found, found.join("\n")).toEqual([]);
    });
  }
}

// The public share page and its wall mode, signed out, on the tour's launch (an update posted, a window set).
for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: share page and wall mode (${colorScheme}) have no serious or critical violation`, async ({ browser }) => {
    test.setTimeout(120_000);
    const overview = tour.stops.find((s) => s.name === "overview")!;
    const path = await tourShareLink(browser, tour.state, overview.path);
    const found: string[] = [];
    for (const target of [path, `${path}/wall`]) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(target);
      await expect(page.getByTestId("share-live")).toHaveAttribute("data-status", "live");
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      await context.close();
      found.push(...violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${target.endsWith("/wall") ? "wall" : "share"}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join("\n    ")}`));
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}

// Hypercare (a launch in hypercare with a Sev 1, one closed by override) and its closing report.
for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: hypercare pages and the closing report (${colorScheme}) have no serious or critical violation`, async ({ browser }) => {
    const found: string[] = [];
    for (const stop of hypercare) {
      const context = await browser.newContext({ colorScheme, storageState: tour.state });
      const page = await context.newPage();
      await visit(page, { name: "overview", path: stop.path });
      // The incident expanded: its timeline and forms are checked too.
      const incident = page.getByTestId("incident").first().getByRole("button").first();
      if (await incident.count()) await incident.click();
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      await context.close();
      found.push(...violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${stop.name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join("\n    ")}`));
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}

test("every page has a favicon: /favicon.ico and the SVG icon are served", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\//);
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain("<svg");
});
