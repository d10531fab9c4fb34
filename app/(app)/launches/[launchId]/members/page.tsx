import { HydrationBoundary } from "@tanstack/react-query";
import { MembersLive } from "@/components/launches/members-live";
import { can } from "@/lib/domain/roles";
import { listPendingInvitations } from "@/lib/launches/invitations-queries";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";
import { mailConfigured } from "@/lib/mail";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const canManage = can(actor, { role: launch.role }, "members.manage");
  // Only managers act on invitations (their links are shown once, to them).
  const [state, invitations] = await Promise.all([prefetchLaunch(actor, launch.id, ["members"]), canManage ? listPendingInvitations(launch.id) : []]);
  return (
    <HydrationBoundary state={state}>
      <MembersLive launchId={launch.id} timeZone={launch.timeZone} invitations={invitations} currentUserId={actor.userId} canManage={canManage} mailEnabled={mailConfigured()} />
    </HydrationBoundary>
  );
}
