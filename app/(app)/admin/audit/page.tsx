import { AuditResults } from "@/components/admin/audit-results";
import { AuditSearchForm } from "@/components/admin/audit-search-form";
import { Card } from "@/components/ui/card";
import { loadAuditPage } from "@/lib/admin/audit";
import { auditParams } from "@/lib/admin/audit.schema";
import { requirePageActor } from "@/lib/auth/session";
import { allTimeZones, zoneShortName } from "@/lib/time/zones";
import { AdminPageHeader, AdminsOnly } from "@/components/admin/admin-page";

export const metadata = { title: "Audit" };

// The page only hides the search; lib/admin/audit.ts refuses non-admins itself.
export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!actor.isAdmin) {
    return (
      <AdminsOnly>
        The audit trail across launches is for your Liftoff instance admins. Each launch’s own activity stays on its page.
      </AdminsOnly>
    );
  }
  const params = auditParams(await searchParams);
  const data = await loadAuditPage(actor, params);
  const zone = data.ok ? data.result.search.tz : "UTC";
  return (
    <div className="space-y-5">
      <AdminPageHeader title="Audit">
        Every change in Liftoff, across launches and instance settings, newest first. Filter by who made it, what kind of change, which launch
          and when.
      </AdminPageHeader>
      <Card className="p-4">
        <AuditSearchForm params={params} types={data.types} zones={allTimeZones()} errors={data.ok ? {} : data.fieldErrors} />
      </Card>
      <Card aria-labelledby="audit-results-title">
        <h2 id="audit-results-title" className="px-4 pt-4 text-base font-semibold">
          {data.ok ? "Events" : "Check the search"}
        </h2>
        {data.ok ? (
          <>
            <p className="px-4 pb-3 text-xs text-zinc-600 dark:text-zinc-400">
              Times in {zone === "UTC" ? "UTC" : `${zone} (${zoneShortName(zone, new Date())})`}{data.result.search.before ? ", older page" : ""}.
            </p>
            <AuditResults result={data.result} params={{ ...params, tz: zone }} />
          </>
        ) : (
          <ul role="alert" className="list-disc space-y-1 px-4 pt-1 pb-4 pl-8 text-sm text-red-700 dark:text-red-400">
            {[...new Set(Object.values(data.fieldErrors).flat())].map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
