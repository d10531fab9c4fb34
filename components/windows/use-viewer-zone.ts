"use client";
import { useEffect, useState, useSyncExternalStore } from "react";

// The viewer's zone is known only in the browser. The server (and hydration) render with UTC, then React
// re-renders with the real zone, so the HTML never mismatches and nobody sees a wrong zone for long.
const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function useViewerZone(): string {
  return useSyncExternalStore(subscribe, browserZone, () => "UTC");
}

/** Now, ticking every `ms`; null until mounted so server and browser render the same first frame. */
export function useNow(ms = 1000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, ms);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [ms]);
  return now;
}
