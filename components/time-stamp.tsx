"use client";
import { useEffect, useState } from "react";

const abs = (iso: string, zone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));

function relative(iso: string, now: number) {
  const diff = new Date(iso).getTime() - now;
  const past = diff < 0;
  const m = Math.round(Math.abs(diff) / 60_000);
  if (m < 1) return "just now";
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const mm = m % 60;
  const text = d ? `${d} d${h ? ` ${h} h` : ""}` : h ? `${h} h${mm ? ` ${mm} min` : ""}` : `${mm} min`;
  return past ? `${text} ago` : `in ${text}`;
}

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
