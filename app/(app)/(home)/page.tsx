import Link from "next/link";
import { Plus, Rocket } from "lucide-react";
import { LaunchList } from "@/components/launches/launch-list";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listMyLaunches } from "@/lib/launches/queries";

export const metadata = { title: "Launches" };

export default async function LaunchesPage() {
  const actor = await requireActor();
  const launches = await listMyLaunches(actor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Launches</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Every go-live you are part of, most recently active first.</p>
        </div>
        <Button asChild>
          <Link href="/launches/new">
            <Plus className="size-4" aria-hidden /> New launch
          </Link>
        </Button>
      </div>
      {launches.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Rocket className="size-10" />}
            title="No launches yet"
            action={
              <Button asChild>
                <Link href="/launches/new">
                  <Plus className="size-4" aria-hidden /> Create your first launch
                </Link>
              </Button>
            }
          >
            Create a launch for the system you are taking live, then invite your engineers, approvers and stakeholders.
            If someone added you to a launch, it will appear here.
          </EmptyState>
        </Card>
      ) : (
        <LaunchList launches={launches} />
      )}
    </div>
  );
}
