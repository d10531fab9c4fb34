import { CreateLaunchForm } from "@/components/launches/create-launch-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listTemplates } from "@/lib/checklist/templates/queries";
import { allTimeZones } from "@/lib/time/zones";

export const metadata = { title: "New launch" };

export default async function NewLaunchPage() {
  const actor = await requireActor();
  const templates = await listTemplates(actor);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New launch</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          One launch per system going live. You become its manager; invite the team next.
        </p>
      </div>
      <Card className="p-6">
        <CreateLaunchForm timeZones={allTimeZones()} templates={templates} />
      </Card>
    </div>
  );
}
