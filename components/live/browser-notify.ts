"use client";
// Browser notifications from the live stream (issue 13): opt-in per browser, shown only while the tab is
// in the background, at most once per event across this browser's tabs. All client-side, from the batch
// the tab already received: no per-event server cost. Who is told of what: lib/notifications/browser.ts.
import { browserNotices, highestId, type StreamEvent, type Viewer } from "@/lib/notifications/browser";

const OPT_IN_KEY = "liftoff:browser-notifications";
const handledKey = (launchId: string) => `liftoff:notified:${launchId}`;
const CHANGED = "liftoff:browser-notifications-changed";

export type NotifySupport = "unsupported" | "default" | "granted" | "denied";

/**
 * Read once and kept: in Chromium each read of `Notification.permission` asks the browser process
 * synchronously (~1 ms), and the header's bell reads it on every render, which a live page does on every
 * change. A change made in the site's settings arrives as the Permissions API's `change` event.
 */
let support: NotifySupport | null = null;

export function notifySupport(): NotifySupport {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (support === null) {
    support = Notification.permission;
    navigator.permissions
      ?.query({ name: "notifications" })
      .then((status) => status.addEventListener("change", refreshSupport))
      .catch(() => {});
  }
  return support;
}

/** Reads the permission again (after asking for it, or when the site's settings changed it). */
export function refreshSupport() {
  support = null;
  window.dispatchEvent(new Event(CHANGED));
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

/** Where this browser records, per launch, the newest event it has handled (IndexedDB: see `claim`). */
export const HANDLED_DB = "liftoff-notifications";
const HANDLED_STORE = "handled";
let handledDb: Promise<IDBDatabase> | null = null;

function openHandled(): Promise<IDBDatabase> {
  handledDb ??= new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(HANDLED_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(HANDLED_STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  }).catch((error: unknown) => {
    handledDb = null;
    throw error;
  });
  return handledDb;
}

/**
 * Records `events` as handled for the launch and returns what was handled before, atomically across this
 * browser's tabs: one IndexedDB read-write transaction, which the browser runs one at a time for every tab.
 * (localStorage under a Web Lock was not enough: a tab may read its own stale copy of a value another tab
 * has just written, and both tabs then showed the same notification.)
 */
async function claim(launchId: string, events: readonly StreamEvent[]): Promise<string> {
  const db = await openHandled();
  return new Promise<string>((resolve, reject) => {
    const tx = db.transaction(HANDLED_STORE, "readwrite");
    const store = tx.objectStore(HANDLED_STORE);
    let before = "0";
    const read = store.get(launchId);
    read.onsuccess = () => {
      before = typeof read.result === "string" ? read.result : "0";
      store.put(highestId(before, events), launchId);
    };
    tx.oncomplete = () => resolve(before);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Without IndexedDB (some private modes): localStorage under a Web Lock, the best this browser offers. */
function claimInStorage(launchId: string, events: readonly StreamEvent[]): Promise<string> {
  const run = () => {
    const key = handledKey(launchId);
    const before = localStorage.getItem(key) ?? "0";
    localStorage.setItem(key, highestId(before, events));
    return before;
  };
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? locks.request("liftoff-browser-notify", () => run()) : Promise.resolve(run());
}

/** A visible tab marks a batch handled first: the person is looking, so a hidden tab stays quiet. */
const HIDDEN_TAB_DELAY_MS = 300;

/**
 * Shows the notifications a batch gives the viewer, if they opted in, the permission is granted and the
 * tab is hidden. Every opted-in tab records the batch as handled (per launch, `claim`), so another tab or a
 * replay after a reconnect never shows an event twice.
 */
export async function notifyFromBatch(events: readonly StreamEvent[], viewer: Omit<Viewer, "handledThrough">, onOpen: (path: string) => void) {
  if (events.length === 0 || !optedIn() || notifySupport() !== "granted") return;
  if (tabHidden()) await new Promise((r) => setTimeout(r, HIDDEN_TAB_DELAY_MS));
  const handledThrough = await claim(viewer.launchId, events).catch(() => claimInStorage(viewer.launchId, events));
  const notices = tabHidden() ? browserNotices(events, { ...viewer, handledThrough }) : [];
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
