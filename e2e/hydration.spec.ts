import { createLaunch, expect, signUp, test } from "./support/fixtures";

// A launch page streams: the layout first, the page behind loading.tsx, revealed by React in batches.
// The server's HTML must be hydrated, not thrown away: when something above the page (the live stream
// connecting) updated it before the reveal, React rendered the page a second time on the client while the
// server's copy waited hidden in the document, so every element (and id) was there twice: wasted work
// on each load, and a hidden duplicate that screen tests and scripts tripped over.

/** Ids that occur more than once in the document: the page rendered twice. */
const duplicateIds = () => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const el of document.querySelectorAll("[id]")) {
    if (!el.id) continue;
    if (seen.has(el.id)) twice.add(el.id);
    seen.add(el.id);
  }
  return [...twice];
};

test("each launch page hydrates the server's HTML once, even when the live stream connects before React reveals it", async ({ page }) => {
  await signUp(page);
  const launchId = await createLaunch(page);
  // Widen React's batched reveal (it runs from requestAnimationFrame) so the stream surely connects first.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => {
      setTimeout(() => raf(cb), 800);
      return 0;
    };
  });
  for (const path of ["", "/checklist", "/signoffs", "/go-no-go", "/windows", "/members", "/activity"]) {
    await page.goto(`/launches/${launchId}${path}`);
    const seen = new Set<string>();
    for (let sample = 0; sample < 15; sample++) {
      for (const id of await page.evaluate(duplicateIds)) seen.add(id);
      await page.waitForTimeout(100);
    }
    await expect(page.getByTestId("live-indicator").locator("[data-status]")).toHaveAttribute("data-status", "live");
    expect([...seen], `${path || "/"}: ids rendered twice`).toEqual([]);
  }
});
