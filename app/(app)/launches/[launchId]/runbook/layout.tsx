import { HydrationBoundary } from "@tanstack/react-query";
import { RunbookRightsProvider } from "@/components/runbook/rights";
import { RunbookNav } from "@/components/runbook/runbook-nav";
import { isReadOnlyLaunch } from "@/lib/domain/read-only";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";

// Every runbook view renders from one cached part (the runbook DTO), prefetched here and patched live; each
// recomputes the forecast from it in the browser as time passes.
export default async function RunbookLayout({ children, params }: { children: React.ReactNode; params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const access = { role: launch.role, engineersEditAll: launch.engineersEditAll };
  const open = !isReadOnlyLaunch(launch.status);
  const state = await prefetchLaunch(actor, launch.id, ["runbook"]);
  const rights = {
    launchId: launch.id,
    zone: launch.timeZone,
    userId: actor.userId,
    canEdit: open && can(actor, access, "runbook.edit"),
    canRun: open && can(actor, access, "runbook.run"),
    canExecuteAny: open && can(actor, access, "runbook.execute.any"),
    canExecuteOwn: open && can(actor, access, "runbook.execute.own"),
  };
  return (
    <HydrationBoundary state={state}>
      <RunbookRightsProvider rights={rights}>
        <div className="space-y-4">
          <RunbookNav launchId={launch.id} />
          {children}
        </div>
      </RunbookRightsProvider>
    </HydrationBoundary>
  );
}
