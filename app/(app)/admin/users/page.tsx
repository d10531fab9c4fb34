import { Users } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { searchUsers } from "@/lib/admin/users";
import { userSearchSchema } from "@/lib/admin/users.schema";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateInZone } from "@/lib/time/format";
import { UserControls } from "./user-controls";
import { AdminPageHeader, AdminsOnly } from "@/components/admin/admin-page";

export const metadata = { title: "Users" };

// Dates in UTC: an instance-wide list has no launch zone to show them in.
const day = (d: Date) => `${formatDateInZone(d, "UTC")} UTC`;

function pageHref(q: string, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/admin/users?${s}` : "/admin/users";
}

// The page only hides the list; the actions' commands refuse non-admins themselves.
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!actor.isAdmin) {
    return (
      <AdminsOnly>
        Accounts are managed by your Liftoff instance admins.
      </AdminsOnly>
    );
  }
  const raw = await searchParams;
  const query = userSearchSchema.parse({ q: typeof raw.q === "string" ? raw.q : "", page: typeof raw.page === "string" ? raw.page : "1" });
  const { rows, hasNext } = await searchUsers(actor, query);
  return (
    <div className="space-y-5">
      <AdminPageHeader title="Users">
        Make or remove admins, deactivate or reactivate accounts. Deactivating signs the person out everywhere, refuses their sign-in and
          revokes their API tokens; their memberships, sign-offs and history stay. Each change is recorded in the audit trail.
      </AdminPageHeader>
      <form method="get" action="/admin/users" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-48 space-y-1.5">
          <label htmlFor="user-search" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Name or email
          </label>
          <Input id="user-search" name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" />
        </div>
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <Card aria-labelledby="users-title">
        <h2 id="users-title" className="px-4 pt-4 text-base font-semibold">
          {query.q ? `Accounts matching “${query.q}”` : "All accounts"}
          {query.page > 1 ? `, page ${query.page}` : ""}
        </h2>
        {rows.length === 0 ? (
          <EmptyState icon={<Users className="size-8" />} title={query.q ? "No user matches" : "No users on this page"}>
            {query.q ? "Try part of the name or of the email address." : "Go back to the first page."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((u) => (
              <li key={u.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
                <div className="min-w-0 flex-1 basis-56">
                  <h3 className="font-medium break-words">
                    {u.name}
                    {u.id === actor.userId ? " (you)" : ""}
                  </h3>
                  <p className="text-sm break-all text-zinc-700 dark:text-zinc-300">{u.email}</p>
                  <p className="mt-1 flex flex-wrap gap-1.5">
                    {u.isAdmin && <Badge tone="accent">Admin</Badge>}
                    {u.deactivatedAt ? <Badge tone="red">Deactivated {day(u.deactivatedAt)}</Badge> : <Badge tone="green">Active</Badge>}
                  </p>
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                    Created <time dateTime={u.createdAt.toISOString()}>{day(u.createdAt)}</time>
                    {" · "}
                    {u.lastSignInAt ? (
                      <>
                        Last sign-in <time dateTime={u.lastSignInAt.toISOString()}>{day(u.lastSignInAt)}</time>
                      </>
                    ) : (
                      "No current session"
                    )}
                    {" · "}
                    {u.launches === 1 ? "1 launch" : `${u.launches} launches`}
                  </p>
                </div>
                <UserControls user={{ id: u.id, email: u.email, isAdmin: u.isAdmin, deactivated: Boolean(u.deactivatedAt) }} self={u.id === actor.userId} />
              </li>
            ))}
          </ul>
        )}
        {(query.page > 1 || hasNext) && (
          <nav aria-label="Pages" className="flex justify-between gap-2 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
            {query.page > 1 ? (
              <Link href={pageHref(query.q, query.page - 1)} className="font-medium text-accent-600 hover:underline dark:text-accent-400">Previous page</Link>
            ) : (
              <span />
            )}
            {hasNext && (
              <Link href={pageHref(query.q, query.page + 1)} className="font-medium text-accent-600 hover:underline dark:text-accent-400">Next page</Link>
            )}
          </nav>
        )}
      </Card>
    </div>
  );
}
