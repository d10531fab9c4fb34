"use client";
import { Bell, BellOff, BellRing } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import { notifySupport, optedIn, refreshSupport, setOptIn, subscribeOptIn, type NotifySupport } from "./browser-notify";

type Shown = "off" | "on" | "denied" | "unsupported";

const read = (): Shown => {
  const support = notifySupport();
  if (support === "unsupported" || support === "denied") return support;
  return support === "granted" && optedIn() ? "on" : "off";
};

const LABEL: Record<Shown, string> = { off: "Notify me", on: "Notifying", denied: "Notifications blocked", unsupported: "No notifications" };
const EXPLAIN: Record<Exclude<Shown, "off">, string> = {
  on: "You get a browser notification when something here concerns you (assigned to you, a sign-off asked of you, GO / NO-GO, a Sev 1) while this tab is in the background. Click the bell to stop.",
  denied:
    "Your browser blocks notifications from this site. To allow them: open the site settings (the icon left of the address), set Notifications to Allow, reload, and click the bell again.",
  unsupported: "This browser cannot show notifications for a web page. On a phone, add Liftoff to the home screen or use a desktop browser.",
};

/**
 * The launch header's opt-in for browser notifications. The permission is asked only here, on a click;
 * the choice is kept per browser (localStorage). Blocked or unsupported: it says so and how to change it.
 */
export function NotifyToggle() {
  // "off" on the server and while hydrating: the permission and the choice exist only in the browser.
  const shown = useSyncExternalStore(subscribeOptIn, read, () => "off" as Shown);
  const [explain, setExplain] = useState(false);
  const [asking, setAsking] = useState(false);

  async function click() {
    const support: NotifySupport = notifySupport();
    if (shown === "on") {
      setOptIn(false);
      setExplain(false);
      return;
    }
    if (support === "unsupported" || support === "denied") {
      setExplain((e) => !e);
      return;
    }
    setAsking(true);
    const permission = support === "granted" ? "granted" : await Notification.requestPermission().catch(() => "denied" as const);
    refreshSupport();
    setAsking(false);
    setOptIn(permission === "granted");
    setExplain(permission !== "granted");
  }

  const Icon = shown === "on" ? BellRing : shown === "off" ? Bell : BellOff;
  const blocked = shown === "denied" || shown === "unsupported";
  return (
    <>
      <button
        type="button"
        onClick={click}
        disabled={asking}
        aria-pressed={blocked ? undefined : shown === "on"}
        aria-expanded={blocked ? explain : undefined}
        aria-controls={blocked ? "notify-explain" : undefined}
        title={shown === "off" ? "Get a browser notification when something here concerns you while this tab is in the background" : EXPLAIN[shown]}
        data-testid="notify-toggle"
        data-state={shown}
        className={cn(
          "inline-flex min-h-6 items-center gap-1 rounded-md px-1.5 text-xs font-medium ring-1 ring-inset transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:cursor-progress",
          shown === "on"
            ? "bg-accent-50 text-accent-700 ring-accent-600/25 dark:bg-accent-950 dark:text-accent-300 dark:ring-accent-400/30"
            : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800",
          blocked && "text-zinc-500 dark:text-zinc-400",
        )}
      >
        <Icon className="size-3.5" aria-hidden />
        {LABEL[shown]}
      </button>
      {explain && shown !== "off" && (
        <p id="notify-explain" role="status" className="basis-full text-xs text-zinc-600 dark:text-zinc-400" data-testid="notify-explain">
          {EXPLAIN[shown]}
        </p>
      )}
    </>
  );
}
