"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import { launchQueries } from "@/lib/launches/view-queries";

// In the order of the work: status, the checks, who signs, when, the decision, then the team and the trail.
const TABS: { href: string; label: string; statuses?: string[] }[] = [
  { href: "", label: "Overview" },
  { href: "/checklist", label: "Checklist" },
  { href: "/signoffs", label: "Sign-offs" },
  { href: "/windows", label: "Windows" },
  { href: "/go-no-go", label: "Go/no-go" },
  { href: "/runbook", label: "Runbook" },
  // After the switch only: shown as soon as the (live) header says the launch is live.
  { href: "/hypercare", label: "Hypercare", statuses: ["LIVE", "HYPERCARE", "CLOSED"] },
  { href: "/members", label: "Members" },
  { href: "/share", label: "Share" },
  { href: "/webhooks", label: "Webhooks" },
  { href: "/activity", label: "Activity" },
];

/** The launch's sections. On a narrow screen the strip scrolls: the active tab is scrolled into view and a fade
 * on either edge says more tabs lie that way. */
export function LaunchTabs({ launchId }: { launchId: string }) {
  const pathname = usePathname();
  const { data: meta } = useQuery(launchQueries.meta(launchId));
  const tabs = TABS.filter((t) => !t.statuses || (meta && t.statuses.includes(meta.status)));
  const base = `/launches/${launchId}`;
  const strip = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = strip.current;
    if (!el) return;
    setMore({ left: el.scrollLeft > 1, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
  }, []);
  useEffect(() => {
    const el = strip.current;
    const active = el?.querySelector<HTMLElement>('[aria-current="page"]');
    // Scroll only the strip (scrollIntoView would also move the page).
    if (el && active) {
      const left = active.offsetLeft - el.offsetLeft;
      if (left < el.scrollLeft || left + active.offsetWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = left - 24;
    }
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [pathname, measure]);
  return (
    <nav aria-label="Launch sections" className="no-print relative -mx-4 border-b border-zinc-200 dark:border-zinc-800 sm:mx-0">
      <div ref={strip} onScroll={measure} className="overflow-x-auto px-4 [scrollbar-width:none] sm:px-0 [&::-webkit-scrollbar]:hidden">
        <ul className="flex min-w-max gap-1">
          {tabs.map((t) => {
            const href = base + t.href;
            const active = t.href === "" ? pathname === base : pathname.startsWith(href);
            return (
              <li key={t.href}>
                <Link
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-block border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
                    active
                      ? "border-accent-600 text-zinc-900 dark:border-accent-400 dark:text-zinc-50"
                      : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
                  )}
                >
                  {t.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      <div aria-hidden className={cn("pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r from-zinc-50 transition-opacity dark:from-zinc-950", more.left ? "opacity-100" : "opacity-0")} />
      <div
        aria-hidden
        data-testid="tabs-more"
        className={cn("pointer-events-none absolute inset-y-0 right-0 flex w-10 items-center justify-end bg-linear-to-l from-zinc-50 from-40% pr-1 text-zinc-500 transition-opacity dark:from-zinc-950 dark:text-zinc-400", more.right ? "opacity-100" : "opacity-0")}
      >
        ›
      </div>
    </nav>
  );
}
