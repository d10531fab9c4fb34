import Link from "next/link";
import { Bell, CalendarDays, Rocket, ShieldCheck } from "lucide-react";
import { NavLink } from "@/components/nav-link";
import { SignOutButton } from "@/components/auth/sign-out-button";

export function AppHeader({ user }: { user: { name: string; email: string; isAdmin: boolean } }) {
  return (
    <header className="no-print sticky top-0 z-30 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span className="grid size-7 place-items-center rounded-md bg-accent-600 text-white">
            <Rocket className="size-4" aria-hidden />
          </span>
          <span className="max-[400px]:sr-only">Liftoff</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <NavLink href="/" exact>
            Launches
          </NavLink>
          {/* On the narrowest phones (320 px) the calendar is its icon, like notifications below 560 px. */}
          <NavLink href="/calendar">
            <CalendarDays className="inline size-4 min-[401px]:hidden" aria-hidden />
            <span className="max-[400px]:sr-only">Calendar</span>
          </NavLink>
          <NavLink href="/settings/tokens">
            API<span className="max-[400px]:sr-only"> tokens</span>
          </NavLink>
          <NavLink href="/settings/notifications">
            <Bell className="inline size-4 min-[560px]:hidden" aria-hidden />
            <span className="max-[559px]:sr-only">Notifications</span>
          </NavLink>
          {user.isAdmin && (
            <NavLink href="/admin">
              <ShieldCheck className="inline size-4 min-[560px]:hidden" aria-hidden />
              <span className="max-[559px]:sr-only">Admin</span>
            </NavLink>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <div className="hidden text-right text-xs leading-tight sm:block">
            <div className="font-medium text-zinc-900 dark:text-zinc-100">{user.name}</div>
            <div className="text-zinc-500 dark:text-zinc-400">{user.email}</div>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
