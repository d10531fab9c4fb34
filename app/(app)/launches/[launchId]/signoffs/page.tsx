import { ReadinessHero } from "@/components/readiness/readiness-hero";
import { SignoffsBoard } from "@/components/signoff/signoffs-board";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { loadReadiness } from "@/lib/readiness/load";
import { listApproverCandidates, listSignoffGroups } from "@/lib/signoff/queries";

export const metadata = { title: "Sign-offs" };

export default async function SignoffsPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const canConfigure = can(actor, { role: launch.role }, "signoff.configure");
  const { dto } = await loadReadiness(launch.id);
  const [groups, candidates] = await Promise.all([
    listSignoffGroups(launch.id, dto),
    canConfigure ? listApproverCandidates(launch.id) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-5">
      <ReadinessHero readiness={dto} />
      <SignoffsBoard
        launchId={launch.id}
        zone={launch.timeZone}
        groups={groups}
        readiness={dto}
        candidates={candidates}
        currentUserId={actor.userId}
        canSign={launch.role === "APPROVER"}
        canConfigure={canConfigure}
      />
    </div>
  );
}
