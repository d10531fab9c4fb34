import { HealthView } from "@/components/admin/health-view";
import { readInstanceHealth } from "@/lib/admin/health";
import { requirePageActor } from "@/lib/auth/session";
import { AdminPageHeader, AdminsOnly } from "@/components/admin/admin-page";

export const metadata = { title: "Instance health" };

// Every request reads the figures afresh: nothing here may come from a cache.
export const dynamic = "force-dynamic";

export default async function AdminHealthPage() {
  const actor = await requirePageActor();
  if (!actor.isAdmin) {
    return (
      <AdminsOnly>
        The instance&apos;s health is watched by your Liftoff instance admins.
      </AdminsOnly>
    );
  }
  const health = await readInstanceHealth(actor);
  return (
    <div className="space-y-5">
      <AdminPageHeader title="Instance health">
        The database, migrations, live updates and background jobs, as this instance sees them. With several instances behind a load balancer,
          live updates and streams are this instance&apos;s own; the rest is shared.
      </AdminPageHeader>
      <HealthView health={health} />
    </div>
  );
}
