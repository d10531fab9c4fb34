"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

// In the order of the work: status, the checks, who signs, when, the decision, then the team and the trail.
const TABS = [
  { href: "", label: "Overview" },
  { href: "/checklist", label: "Checklist" },
  { href: "/signoffs", label: "Sign-offs" },
  { href: "/windows", label: "Windows" },
  { href: "/go-no-go", label: "Go/no-go" },
  { href: "/members", label: "Members" },
  { href: "/activity", label: "Activity" },
];

export function LaunchTabs({ launchId }: { launchId: string }) {
  const pathname = usePathname();
  const base = `/launches/${launchId}`;
  return (
    <nav aria-label="Launch sections" className="no-print -mx-4 overflow-x-auto border-b border-zinc-200 px-4 dark:border-zinc-800 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {TABS.map((t) => {
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
    </nav>
  );
}
