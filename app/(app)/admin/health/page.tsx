import { ShieldOff } from "lucide-react";
import Link from "next/link";
import { HealthView } from "@/components/admin/health-view";
import { Card, EmptyState } from "@/components/ui/card";
import { readInstanceHealth } from "@/lib/admin/health";
import { requirePageActor } from "@/lib/auth/session";

export const metadata = { title: "Instance health" };

// Every request reads the figures afresh: nothing here may come from a cache.
export const dynamic = "force-dynamic";

export default async function AdminHealthPage() {
  const actor = await requirePageActor();
  if (!actor.isAdmin) {
    return (
      <Card>
        <EmptyState icon={<ShieldOff className="size-8" />} title="Instance admins only">
          The instance&apos;s health is watched by your Liftoff instance admins.
        </EmptyState>
      </Card>
    );
  }
  const health = await readInstanceHealth(actor);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm">
          <Link href="/admin" className="font-medium text-accent-600 hover:underline dark:text-accent-400">Admin</Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Instance health</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The database, migrations, live updates and background jobs, as this instance sees them. With several instances behind a load balancer,
          live updates and streams are this instance&apos;s own; the rest is shared.
        </p>
      </div>
      <HealthView health={health} />
    </div>
  );
}
