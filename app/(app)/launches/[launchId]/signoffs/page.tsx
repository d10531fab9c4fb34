import { HydrationBoundary } from "@tanstack/react-query";
import { SignoffsView } from "@/components/signoff/signoffs-view";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";

export const metadata = { title: "Sign-offs" };

export default async function SignoffsPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const canConfigure = can(actor, { role: launch.role }, "signoff.configure");
  const state = await prefetchLaunch(actor, launch.id, canConfigure ? ["signoffs", "members"] : ["signoffs"]);
  return (
    <HydrationBoundary state={state}>
      <SignoffsView
        launchId={launch.id}
        zone={launch.timeZone}
        currentUserId={actor.userId}
        canSign={launch.role === "APPROVER"}
        canConfigure={canConfigure}
      />
    </HydrationBoundary>
  );
}
