import { expect, test } from "./support/fixtures";
import { tourShareLink } from "./support/share";
import { prepareHypercareTour } from "./support/hypercare-tour";
import { prepareTour, tourStops, visit, type Stop } from "./support/tour";

// Nothing scrolls sideways on a phone: at 320 and 390 px every page fits its viewport's width.
/** The innermost elements that stick out past the right edge, to name the culprit in the failure. */
function overflowing(page: import("@playwright/test").Page) {
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

let tour: Awaited<ReturnType<typeof prepareTour>>;
let hypercareStops: Stop[];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  tour = await prepareTour(browser);
  // Hypercare (in progress, closed) and the closing report join the pass the same way.
  hypercareStops = (await prepareHypercareTour(browser, tour)).map((r): Stop => ({ name: "overview", path: r.path }));
});

/** Opens each stop at `width` and names every page wider than its viewport, with what sticks out. */
async function tooWide(browser: import("@playwright/test").Browser, stops: Stop[], width: number) {
  const wide: string[] = [];
  for (const stop of stops) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, storageState: stop.signedOut ? undefined : tour.state });
    const page = await context.newPage();
    await visit(page, stop);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) wide.push(`${stop.path}: ${scrollWidth} px wide in a ${innerWidth} px viewport; past the edge: ${await overflowing(page)}`);
    await context.close();
  }
  return wide;
}

// One test per page and width: each has its own time budget, and a failure names its page.
for (const width of [320, 390]) {
  for (const name of tourStops) {
    test(`${name} does not scroll sideways at ${width} px`, async ({ browser }) => {
      const wide = await tooWide(browser, tour.stops.filter((s) => s.name === name), width);
      expect(wide, wide.join("\n")).toEqual([]);
    });
  }
  test(`hypercare pages and the closing report do not scroll sideways at ${width} px`, async ({ browser }) => {
    const wide = await tooWide(browser, hypercareStops, width);
    expect(wide, wide.join("\n")).toEqual([]);
  });
}

// The public share page and its wall mode are opened on phones too.
test("the share page and the wall mode do not scroll sideways at 320 px", async ({ browser }) => {
  test.setTimeout(120_000);
  const path = await tourShareLink(browser, tour.state, tour.stops.find((s) => s.name === "overview")!.path);
  const wide: string[] = [];
  for (const target of [path, `${path}/wall`, `${path}?mode=wall`]) {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await page.goto(target);
    await expect(page.getByTestId("share-live")).toHaveAttribute("data-status", "live");
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) wide.push(`${target}: ${scrollWidth} px wide; past the edge: ${await overflowing(page)}`);
    await context.close();
  }
  expect(wide, wide.join("\n")).toEqual([]);
});
