"use client";
import { useState } from "react";
import { setTemplatePublishedAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import type { SavedTemplateAdminRow } from "@/lib/checklist/templates/queries";

/** Saved templates are private to their launch's team; an admin publishes the good ones to everyone. */
export function TemplatePublishing({ templates }: { templates: SavedTemplateAdminRow[] }) {
  const { run, pending } = useAction();
  const [clicked, setClicked] = useState<string | null>(null);
  const toggle = (t: SavedTemplateAdminRow) => {
    setClicked(t.id);
    run(() => setTemplatePublishedAction({ templateId: t.id, published: !t.published }), {
      success: t.published ? `“${t.name}” is private to its team again` : `“${t.name}” is now available to everyone`,
      refresh: true,
    });
  };
  return (
    <Card aria-labelledby="templates-title">
      <CardHeader id="templates-title" title="Saved templates" description="Private to the team of the launch they were saved from until you publish them." />
      {templates.length === 0 ? (
        <EmptyState title="No saved templates">Managers save a launch&rsquo;s checklist as a template from its checklist page.</EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {templates.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="truncate font-medium">{t.name}</p>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t.itemCount} checks · {t.published ? "Published to everyone" : `Private to ${t.launchName ?? "a deleted launch"}`}
                  {t.createdByName ? ` · saved by ${t.createdByName}` : ""}
                </p>
              </div>
              <Button type="button" variant="secondary" disabled={pending} pending={pending && clicked === t.id} onClick={() => toggle(t)}>
                {t.published ? "Unpublish" : "Publish"}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
