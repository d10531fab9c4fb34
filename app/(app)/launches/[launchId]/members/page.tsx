import { MembersManager } from "@/components/launches/members-manager";
import { can } from "@/lib/domain/roles";
import { listMembers } from "@/lib/launches/queries";
import { loadLaunchPage } from "@/lib/launches/page-data";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const members = await listMembers(launch.id);
  return (
    <MembersManager
      launchId={launch.id}
      members={members}
      currentUserId={actor.userId}
      canManage={can(actor, { role: launch.role }, "members.manage")}
    />
  );
}
