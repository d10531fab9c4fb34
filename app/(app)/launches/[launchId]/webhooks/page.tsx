import { WebhooksManager } from "@/components/webhooks/webhooks-manager";
import { Card, EmptyState } from "@/components/ui/card";
import { isReadOnlyLaunch } from "@/lib/domain/read-only";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { listWebhooks } from "@/lib/webhooks/queries";

export const metadata = { title: "Webhooks" };

// Signed HTTP callbacks to other tools (CI, chat). Managers register and watch them; others learn who can.
export default async function WebhooksPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  if (!can(actor, { role: launch.role }, "launch.edit")) {
    return (
      <Card>
        <EmptyState title="Webhooks are managed by the launch's managers">
          Ask a manager to send this launch&apos;s changes to your pipeline or chat channel.
        </EmptyState>
      </Card>
    );
  }
  const { endpoints, deliveries } = await listWebhooks(launch.id);
  return <WebhooksManager launchId={launch.id} endpoints={endpoints} deliveries={deliveries} zone={launch.timeZone} readOnly={isReadOnlyLaunch(launch.status)} />;
}
