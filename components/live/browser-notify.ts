"use client";
// Browser notifications from the live stream (issue 13): opt-in per browser, shown only while the tab is
// in the background, at most once per event across this browser's tabs. All client-side, from the batch
// the tab already received: no per-event server cost. Who is told of what: lib/notifications/browser.ts.
import { browserNotices, highestId, type StreamEvent, type Viewer } from "@/lib/notifications/browser";

const OPT_IN_KEY = "liftoff:browser-notifications";
const handledKey = (launchId: string) => `liftoff:notified:${launchId}`;
const CHANGED = "liftoff:browser-notifications-changed";

export type NotifySupport = "unsupported" | "default" | "granted" | "denied";

export function notifySupport(): NotifySupport {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  return Notification.permission;
}

export function optedIn(): boolean {
  try {
    return localStorage.getItem(OPT_IN_KEY) === "on";
  } catch {
    return false;
  }
}

export function setOptIn(on: boolean) {
  try {
    localStorage.setItem(OPT_IN_KEY, on ? "on" : "off");
  } catch {
    // Storage disabled: the choice lasts until the tab closes (the toggle re-reads it).
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** For useSyncExternalStore: the choice changes in this tab (CHANGED) or another (storage). */
export function subscribeOptIn(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The one place "is this tab in the background" is asked (e2e tests stub document.visibilityState). */
export const tabHidden = () => document.visibilityState === "hidden";

/** Runs `fn` alone among this origin's tabs (Web Locks), so two tabs never both claim one event. */
function exclusive<T>(fn: () => T): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request("liftoff-browser-notify", async () => fn()) as Promise<T>) : Promise.resolve(fn());
}

/** A visible tab marks a batch handled first: the person is looking, so a hidden tab stays quiet. */
const HIDDEN_TAB_DELAY_MS = 300;

/**
 * Shows the notifications a batch gives the viewer, if they opted in, the permission is granted and the
 * tab is hidden. Every opted-in tab records the batch as handled (per launch, in localStorage, under a
 * Web Lock), so another tab or a replay after a reconnect never shows an event twice.
 */
export async function notifyFromBatch(events: readonly StreamEvent[], viewer: Omit<Viewer, "handledThrough">, onOpen: (path: string) => void) {
  if (events.length === 0 || !optedIn() || notifySupport() !== "granted") return;
  if (tabHidden()) await new Promise((r) => setTimeout(r, HIDDEN_TAB_DELAY_MS));
  const notices = await exclusive(() => {
    const key = handledKey(viewer.launchId);
    const handledThrough = localStorage.getItem(key) ?? "0";
    const fresh = tabHidden() ? browserNotices(events, { ...viewer, handledThrough }) : [];
    localStorage.setItem(key, highestId(handledThrough, events));
    return fresh;
  });
  for (const n of notices) {
    try {
      const shown = new Notification(n.title, { body: n.body, tag: n.tag });
      shown.onclick = () => {
        window.focus();
        onOpen(n.path);
        shown.close();
      };
    } catch {
      // Some mobile browsers only notify through a service worker: nothing to show here.
    }
  }
}
