import { Card, CardHeader } from "@/components/ui/card";
import type { WindowDto } from "@/lib/launches/view-types";
import { formatInZone } from "@/lib/time/format";
import { GateMark } from "./gate-mark";

/** The window gates: one is scheduled, and it is outside every freeze (or overridden in writing). */
export function WindowGate({ window, zone }: { window: WindowDto | null; zone: string }) {
  // WindowDto.freezes lists the freezes the window falls in, unless a manager overrode them in writing.
  const freezeHits = window && !window.freezeOverrideReason ? window.freezes : [];
  const scheduled = !!window && (window.status === "SCHEDULED" || window.status === "IN_PROGRESS");
  return (
    <Card aria-labelledby="gate-window" className="print:break-inside-avoid-page print:shadow-none">
      <CardHeader id="gate-window" title="Window gates" />
      <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        <li className="flex gap-3 px-4 py-2.5" data-testid="window-gate">
          <GateMark pass={scheduled} />
          <div>
            <p className="font-medium">A deployment window is scheduled</p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {window
                ? `${window.environment}: ${formatInZone(new Date(window.start), zone)} – ${formatInZone(new Date(window.end), zone)} (${window.status.toLowerCase().replace("_", " ")})`
                : "No window yet. A manager schedules one on the Windows tab."}
            </p>
          </div>
        </li>
        <li className="flex gap-3 px-4 py-2.5">
          <GateMark pass={scheduled && freezeHits.length === 0} />
          <div>
            <p className="font-medium">The window is outside every change freeze</p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {!scheduled
                ? "Nothing to check until a window is scheduled."
                : freezeHits.length
                  ? `In a freeze: ${freezeHits.join("; ")}`
                  : window?.freezeOverrideReason
                    ? `Freeze overridden: “${window.freezeOverrideReason}”`
                    : "No freeze overlaps it."}
            </p>
          </div>
        </li>
      </ul>
    </Card>
  );
}
