import Link from "next/link";
import { EnvironmentAdmin } from "@/components/windows/environment-admin";
import { FreezeAdmin } from "@/components/windows/freeze-admin";
import { requirePageActor } from "@/lib/auth/session";
import { allTimeZones } from "@/lib/time/zones";
import { listEnvironments, listFreezes } from "@/lib/windows/queries";
import { listSavedTemplatesForAdmin } from "@/lib/checklist/templates/queries";
import { TemplatePublishing } from "./template-publishing";
import { TokenList } from "@/components/api-tokens/token-list";
import { listAllApiTokens } from "@/lib/api-tokens/tokens";
import { AdminsOnly } from "@/components/admin/admin-page";

export const metadata = { title: "Environments and freezes" };

// The page only hides the forms; the actions' commands refuse non-admins themselves.
export default async function AdminPage() {
  const actor = await requirePageActor();
  if (!actor.isAdmin) {
    return (
      <AdminsOnly>
        Environments and freezes are managed by your Liftoff instance admins. Ask one of them to add what you need.
      </AdminsOnly>
    );
  }
  const [environments, freezes, templates, tokens] = await Promise.all([listEnvironments(), listFreezes(), listSavedTemplatesForAdmin(actor), listAllApiTokens(actor)]);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Environments and freezes</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Instance-wide settings for every launch. Each change is recorded in the audit trail.</p>
        <p className="mt-1 text-sm">
          <Link href="/admin/webhooks" className="font-medium text-accent-600 hover:underline dark:text-accent-400">Instance-wide webhooks</Link>
          {" · "}
          <Link href="/admin/users" className="font-medium text-accent-600 hover:underline dark:text-accent-400">Users</Link>
          {" · "}
          <Link href="/admin/health" className="font-medium text-accent-600 hover:underline dark:text-accent-400">Health</Link>
          {" · "}
          <Link href="/admin/audit" className="font-medium text-accent-600 hover:underline dark:text-accent-400">Audit</Link>
        </p>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <EnvironmentAdmin environments={environments} />
        <FreezeAdmin freezes={freezes} environments={environments} timeZones={allTimeZones()} />
      </div>
      <TemplatePublishing templates={templates} />
      <TokenList tokens={tokens} admin />
    </div>
  );
}
