"use client";
import { useEffect, useState } from "react";
import { formatInZone, formatRelative } from "@/lib/time/format";

// Both halves come from the one formatting module (lib/time/format.ts), like every time in the app.
const abs = (iso: string, zone: string) => formatInZone(new Date(iso), zone, { year: false });
const relative = (iso: string, now: number) => {
  const text = formatRelative(new Date(iso), new Date(now));
  return text === "now" ? "just now" : text;
};

/** An absolute time in the given zone (with its abbreviation) beside a relative one that keeps ticking. */
export function TimeStamp({ at, zone, className }: { at: string; zone: string; className?: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, []);
  return (
    <time dateTime={at} className={className} title={`${abs(at, zone)} (${zone})`}>
      {abs(at, zone)}
      {now !== null && <span className="text-zinc-500 dark:text-zinc-400"> · {relative(at, now)}</span>}
    </time>
  );
}
