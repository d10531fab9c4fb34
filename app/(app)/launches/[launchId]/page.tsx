import Link from "next/link";
import { ActivityList } from "@/components/launches/activity-list";
import { Card, CardHeader } from "@/components/ui/card";
import { listActivity, listMembers } from "@/lib/launches/queries";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { ROLE_LABEL, ROLES } from "@/lib/domain/roles";

export default async function LaunchOverviewPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { launch } = await loadLaunchPage(params);
  const [activity, members] = await Promise.all([listActivity(launch.id, { limit: 10 }), listMembers(launch.id)]);
  return (
    <div className="grid gap-5 lg:grid-cols-3">
      <div className="space-y-5 lg:col-span-2">
        {launch.description && (
          <Card className="p-4">
            <h2 className="sr-only">Description</h2>
            <p className="whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{launch.description}</p>
          </Card>
        )}
        <Card aria-labelledby="latest-activity">
          <CardHeader
            id="latest-activity"
            title="Latest activity"
            actions={
              <Link href={`/launches/${launch.id}/activity`} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
                All activity
              </Link>
            }
          />
          <ActivityList entries={activity} zone={launch.timeZone} />
        </Card>
      </div>
      <Card aria-labelledby="team">
        <CardHeader id="team" title="Team" description={`${members.length} ${members.length === 1 ? "member" : "members"}`} />
        <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {ROLES.map((role) => {
            const people = members.filter((m) => m.role === role);
            return (
              <div key={role} className="px-4 py-2.5">
                <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{ROLE_LABEL[role]}s</dt>
                <dd className="mt-0.5">{people.length ? people.map((p) => p.name).join(", ") : <span className="text-zinc-400">None yet</span>}</dd>
              </div>
            );
          })}
        </dl>
      </Card>
    </div>
  );
}
