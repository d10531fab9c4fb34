"use client";
import { Eye, Radio, WifiOff, RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { useLive } from "./live-context";

const LABEL = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline" } as const;

function ago(ms: number) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  return `${Math.round(s / 60)} min ago`;
}

/** Live / reconnecting / offline, how fresh the data is, and who else is watching. */
export function LiveIndicator({ names, selfId }: { names: Record<string, string>; selfId: string }) {
  const { status, lastMessageAt, presence } = useLive();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(id);
  }, []);
  const Icon = status === "live" ? Radio : status === "offline" ? WifiOff : RefreshCw;
  const watchers = presence.filter((id) => id !== selfId).map((id) => names[id] ?? "Someone");
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="live-indicator">
      <span role="status" aria-live="polite" className="inline-flex items-center gap-1.5" data-status={status}>
        <span
          aria-hidden
          className={cn(
            "size-2 rounded-full",
            status === "live" ? "bg-green-500" : status === "offline" ? "bg-red-500" : "animate-pulse bg-amber-500",
          )}
        />
        <Icon className={cn("size-3.5", status === "reconnecting" && "animate-spin")} aria-hidden />
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{LABEL[status]}</span>
        {lastMessageAt && status === "live" && <span>· updated {ago(now - lastMessageAt)}</span>}
      </span>
      {watchers.length > 0 && (
        <span className="inline-flex items-center gap-1" title={watchers.join(", ")}>
          <Eye className="size-3.5" aria-hidden />
          <span data-testid="presence">
            {watchers.length === 1 ? `${watchers[0]} is also here` : `${watchers.length} others here: ${watchers.slice(0, 3).join(", ")}${watchers.length > 3 ? "…" : ""}`}
          </span>
        </span>
      )}
    </div>
  );
}
