import { ActivityList } from "@/components/launches/activity-list";
import { Card, CardHeader } from "@/components/ui/card";
import { listActivity } from "@/lib/launches/queries";
import { loadLaunchPage } from "@/lib/launches/page-data";

export const metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { launch } = await loadLaunchPage(params);
  const entries = await listActivity(launch.id, { limit: 200 });
  return (
    <Card aria-labelledby="activity-title">
      <CardHeader id="activity-title" title="Activity" description={`The audit trail of this launch. Times in ${launch.timeZone}.`} />
      <ActivityList entries={entries} zone={launch.timeZone} />
    </Card>
  );
}
