import Link from "next/link";
import { ChevronLeft, ChevronRight, Plus, Rocket } from "lucide-react";
import { LaunchList } from "@/components/launches/launch-list";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { decodeLaunchCursor, encodeLaunchCursor } from "@/lib/launches/list-cursor";
import { listMyLaunches } from "@/lib/launches/queries";

export const metadata = { title: "Launches" };

export default async function LaunchesPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const actor = await requireActor();
  const { before: beforeParam } = await searchParams;
  // A link that is not a page of this list (edited, cut short) shows the first page and says so.
  const before = decodeLaunchCursor(beforeParam);
  const stale = beforeParam !== undefined && before === null;
  const { launches, older } = await listMyLaunches(actor, { before });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Launches</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {/* An instance admin sees every launch (lib/launches/queries.ts), not only their own: say so. */}
            {actor.isAdmin
              ? "Every go-live on this instance (you are an instance admin), most recently active first."
              : "Every go-live you are part of, most recently active first."}
          </p>
        </div>
        <Button asChild>
          <Link href="/launches/new">
            <Plus className="size-4" aria-hidden /> New launch
          </Link>
        </Button>
      </div>
      {stale && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          That page link is not one this list made. Showing your most recently active launches.
        </p>
      )}
      {launches.length === 0 ? (
        <Card>
          {before ? (
            <EmptyState icon={<Rocket className="size-10" />} title="No older launches" action={<LatestLink />}>
              {actor.isAdmin ? "Every launch of this instance" : "Every launch you are part of"} is on the pages before this one.
            </EmptyState>
          ) : (
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
          )}
        </Card>
      ) : (
        <>
          <LaunchList launches={launches} />
          {(before || older) && (
            <nav aria-label="Pages of launches" className="flex flex-wrap items-center justify-between gap-3">
              {before ? <LatestLink /> : <span />}
              {older && (
                <Button asChild variant="secondary">
                  <Link href={`/?before=${encodeLaunchCursor(older)}`}>
                    Older launches <ChevronRight className="size-4" aria-hidden />
                  </Link>
                </Button>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}

function LatestLink() {
  return (
    <Button asChild variant="secondary">
      <Link href="/">
        <ChevronLeft className="size-4" aria-hidden /> Most recent launches
      </Link>
    </Button>
  );
}
