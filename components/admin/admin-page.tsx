import { ShieldOff } from "lucide-react";
import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";

/** What a non-admin sees on an admin page (the page's data functions refuse them too). */
export function AdminsOnly({ children }: { children: React.ReactNode }) {
  return (
    <Card>
      <EmptyState icon={<ShieldOff className="size-8" />} title="Instance admins only">
        {children}
      </EmptyState>
    </Card>
  );
}

/** An admin sub-page's heading: the way back to /admin, the title and what the page is for. */
export function AdminPageHeader({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin" className="font-medium text-accent-600 hover:underline dark:text-accent-400">Admin</Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  );
}
