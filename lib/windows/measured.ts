// THE rule for which deployment window a launch is measured against (readiness, relative dues, the
// overview's countdowns, the launches list). One pure function, so no two screens disagree.
//
// A window in progress wins. Otherwise the earliest scheduled window that has not ended; a scheduled
// window whose end has passed without it starting was missed and no longer counts. Failing both, the
// earliest proposed window that has not ended: it explains that nothing is scheduled yet, and never
// anchors relative dues (a proposal may still move anywhere).

export type MeasurableWindow = { status: string; start: Date | string; end: Date | string };

const time = (t: Date | string) => (typeof t === "string" ? Date.parse(t) : t.getTime());

export function measuredWindow<W extends MeasurableWindow>(windows: readonly W[], now: Date): W | null {
  const t = now.getTime();
  const earliest = (status: string) =>
    windows
      .filter((w) => w.status === status && time(w.end) > t)
      .reduce<W | null>((best, w) => (best === null || time(w.start) < time(best.start) ? w : best), null);
  const running = windows.find((w) => w.status === "IN_PROGRESS");
  return running ?? earliest("SCHEDULED") ?? earliest("PROPOSED");
}

/** The window relative dues count from: the measured one, if it holds its environment. */
export function anchorWindow<W extends MeasurableWindow>(windows: readonly W[], now: Date): W | null {
  const w = measuredWindow(windows, now);
  return w && (w.status === "IN_PROGRESS" || w.status === "SCHEDULED") ? w : null;
}
