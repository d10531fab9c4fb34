import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { tourShareLink } from "./support/share";
import { prepareHypercareTour } from "./support/hypercare-tour";
import { prepareTour, tourStops, visit, type Stop } from "./support/tour";

// Every page, in one visit each: nothing scrolls sideways on a phone (390 and 320 px), and axe-core finds
// no serious or critical violation in light or dark (at 1280 px). One visit per page, resized and switched
// to dark in place (the dark theme follows prefers-color-scheme), instead of a fresh load per width and
// scheme: the same checks for a quarter of the page loads.

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let tour: Awaited<ReturnType<typeof prepareTour>>;
let hypercare: Awaited<ReturnType<typeof prepareHypercareTour>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  tour = await prepareTour(browser);
  hypercare = await prepareHypercareTour(browser, tour);
});

/** Two frames: whatever a resize or a scheme change sets off (resize observers, media listeners) has run. */
const settled = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** The innermost elements that stick out past the right edge, to name the culprit in the failure. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const clipped = (el: HTMLElement) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const out = [...document.querySelectorAll<HTMLElement>("body *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(el));
    const leaves = out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
    return leaves
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className.toString().slice(0, 80)}">${(el.textContent ?? "").trim().slice(0, 40)}`)
      .join(" | ");
  });
}

/** What is wrong with the open page: sideways scroll at 390 and 320 px, serious axe findings in light and dark. */
async function problemsOf(page: Page, label: string, widths = [390, 320]): Promise<string[]> {
  const found: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await settled(page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) found.push(`${label} at ${width} px: ${scrollWidth} px wide; past the edge: ${await overflowing(page)}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await settled(page);
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    found.push(
      ...violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${label} (${colorScheme}): ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("\n    ")}`),
    );
  }
  return found;
}

async function open(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, colorScheme: "light", ...options });
  return { context, page: await context.newPage() };
}

// One test per page: each has its own time budget, and a failure names its page and what is wrong.
for (const name of tourStops) {
  test(`${name}: fits 390 and 320 px, axe clean in light and dark`, async ({ browser }) => {
    test.setTimeout(150_000); // four checks in one visit
    const stop = tour.stops.find((s) => s.name === name)!;
    const { context, page } = await open(browser, { storageState: stop.signedOut ? undefined : tour.state });
    await visit(page, stop);
    const found = await problemsOf(page, stop.path);
    await context.close();
    expect(found, found.join("\n")).toEqual([]);
  });
}

// The public share page and its wall mode, signed out, on the tour's launch (an update posted, a window set).
test("the share page and its wall mode: fit 390 and 320 px, axe clean in light and dark", async ({ browser }) => {
  test.setTimeout(150_000);
  const path = await tourShareLink(browser, tour.state, tour.stops.find((s) => s.name === "overview")!.path);
  const found: string[] = [];
  for (const target of [path, `${path}/wall`, `${path}?mode=wall`]) {
    const { context, page } = await open(browser, {});
    await page.goto(target);
    await expect(page.getByTestId("share-live")).toHaveAttribute("data-status", "live");
    found.push(...(await problemsOf(page, target)));
    await context.close();
  }
  expect(found, found.join("\n")).toEqual([]);
});

// Hypercare (a launch in hypercare with a Sev 1, one closed by override) and its closing report, with an
// incident expanded so its timeline and forms are checked too.
test("hypercare pages and the closing report: fit 390 and 320 px, axe clean in light and dark", async ({ browser }) => {
  test.setTimeout(150_000);
  const found: string[] = [];
  for (const stop of hypercare) {
    const { context, page } = await open(browser, { storageState: tour.state });
    await visit(page, { name: "overview", path: stop.path } satisfies Stop);
    const incident = page.getByTestId("incident").first().getByRole("button").first();
    if (await incident.count()) await incident.click();
    found.push(...(await problemsOf(page, `${stop.name} ${stop.path}`)));
    await context.close();
  }
  expect(found, found.join("\n")).toEqual([]);
});

test("every page has a favicon: /favicon.ico and the SVG icon are served", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\//);
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain("<svg");
});
