import { WebhooksManager } from "@/components/webhooks/webhooks-manager";
import { requirePageActor } from "@/lib/auth/session";
import { listWebhooks } from "@/lib/webhooks/queries";
import { AdminsOnly } from "@/components/admin/admin-page";

export const metadata = { title: "Instance-wide webhooks" };

// Webhooks that receive every launch's chosen events. The page only hides the forms; the commands refuse
// non-admins themselves.
export default async function AdminWebhooksPage() {
  const actor = await requirePageActor();
  if (!actor.isAdmin) {
    return (
      <AdminsOnly>
        Instance-wide webhooks are managed by your Liftoff instance admins. A launch&apos;s managers can add webhooks for their launch on its Webhooks tab.
      </AdminsOnly>
    );
  }
  const { endpoints, deliveries } = await listWebhooks(null);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Instance-wide webhooks</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Each receives the chosen events of every launch. Times are in UTC. Each change is recorded in the audit trail.</p>
      </div>
      <WebhooksManager launchId={null} endpoints={endpoints} deliveries={deliveries} zone="UTC" readOnly={false} />
    </div>
  );
}
