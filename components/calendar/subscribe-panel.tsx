"use client";
import { Copy, Link2, RefreshCw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { regenerateCalendarFeedAction, revokeCalendarFeedAction } from "@/app/(app)/calendar/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";

/**
 * The personal iCal feed. Its URL is a secret shown once, right after it is created: only its hash is
 * stored, so it cannot be shown again; a lost URL is regenerated, which revokes the old one.
 */
export function SubscribePanel({ active, createdAt }: { active: boolean; createdAt: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useState<string | null>(null);

  const regenerate = () =>
    startTransition(async () => {
      const result = await regenerateCalendarFeedAction();
      if (!result.ok) return void toast.error(result.error);
      setUrl(`${window.location.origin}/api/calendar/feed/${result.data.token}.ics`);
      toast.success(active ? "New feed URL created; the old one no longer works" : "Feed URL created");
      router.refresh();
    });
  const revoke = () =>
    startTransition(async () => {
      if (!window.confirm("Revoke your feed URL? Calendars subscribed to it stop updating.")) return;
      const result = await revokeCalendarFeedAction();
      if (!result.ok) return void toast.error(result.error);
      setUrl(null);
      toast.success("Feed URL revoked");
      router.refresh();
    });

  return (
    <Card aria-labelledby="subscribe-title">
      <CardHeader
        id="subscribe-title"
        title="Subscribe in your calendar app"
        description="A private iCal feed of the windows of your launches and every freeze, in their own time zones."
      />
      <div className="space-y-3 p-4 text-sm">
        {url ? (
          <div className="space-y-2" data-testid="feed-url">
            <p className="font-medium text-amber-800 dark:text-amber-300">Copy this URL now: it is shown only once. Anyone with it can read your windows.</p>
            <div className="flex gap-2">
              <Input readOnly value={url} aria-label="Feed URL" onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
              <Button type="button" variant="secondary" aria-label="Copy feed URL" onClick={() => navigator.clipboard?.writeText(url).then(() => toast.success("Copied"))}>
                <Copy className="size-4" aria-hidden />
              </Button>
            </div>
            <a href={url.replace(/^https?:/, "webcal:")} className="inline-flex items-center gap-1 font-medium text-accent-600 hover:underline dark:text-accent-400">
              <Link2 className="size-4" aria-hidden /> Open in calendar app
            </a>
          </div>
        ) : (
          <p className="text-zinc-600 dark:text-zinc-400">
            {active
              ? `You have a feed URL, created ${createdAt ? new Date(createdAt).toISOString().slice(0, 10) : ""}. Lost it? Regenerate it; the old URL stops working.`
              : "You have no feed URL yet."}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" disabled={pending} onClick={regenerate}>
            <RefreshCw className="size-4" aria-hidden /> {active ? "Regenerate feed URL" : "Create feed URL"}
          </Button>
          {active && (
            <Button type="button" size="sm" variant="ghost" disabled={pending} onClick={revoke}>
              <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden /> Revoke
            </Button>
          )}
        </div>
      </div>
    </Card>
  );
}
