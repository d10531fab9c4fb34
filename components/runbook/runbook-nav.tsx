"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const VIEWS = [
  { href: "", label: "Run" },
  { href: "/mine", label: "My tasks" },
  { href: "/plan", label: "Plan" },
  { href: "/rehearsals", label: "Rehearsals" },
  { href: "/war-room", label: "War room" },
];

/** The runbook's views: the live run, the signed-in member's tasks, the editable plan, rehearsals, the wall screen. */
export function RunbookNav({ launchId }: { launchId: string }) {
  const pathname = usePathname();
  const base = `/launches/${launchId}/runbook`;
  return (
    <nav aria-label="Runbook views">
      <ul className="flex flex-wrap gap-1.5">
        {VIEWS.map((v) => {
          const href = base + v.href;
          const active = v.href === "" ? pathname === base : pathname.startsWith(href);
          return (
            <li key={v.href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center rounded-full px-3 text-sm font-medium ring-1 ring-inset",
                  active
                    ? "bg-accent-600 text-white ring-accent-600"
                    : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800",
                )}
              >
                {v.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
