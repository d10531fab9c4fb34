import { ShareLinksManager } from "@/components/share/share-links-manager";
import { Card, EmptyState } from "@/components/ui/card";
import { isReadOnlyLaunch } from "@/lib/domain/read-only";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { listShareLinks } from "@/lib/share/links";

export const metadata = { title: "Share" };

// Read-only links for people without an account. Managers create and revoke them; others learn who can.
export default async function SharePage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  if (!can(actor, { role: launch.role }, "launch.edit")) {
    return (
      <Card>
        <EmptyState title="Share links are managed by the launch's managers">
          Ask a manager for a read-only link to share this launch&apos;s status with people outside the team.
        </EmptyState>
      </Card>
    );
  }
  const links = await listShareLinks(launch.id);
  return <ShareLinksManager launchId={launch.id} links={links} zone={launch.timeZone} readOnly={isReadOnlyLaunch(launch.status)} />;
}
