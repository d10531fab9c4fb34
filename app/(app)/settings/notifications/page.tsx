import { MailWarning } from "lucide-react";
import { DigestTimeForm } from "@/components/notifications/digest-time-form";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { requirePageActor } from "@/lib/auth/session";
import { mailConfigured } from "@/lib/mail";
import { myDigestTime, myNotificationPreferences } from "@/lib/notifications/preferences";
import { allTimeZones } from "@/lib/time/zones";

export const metadata = { title: "Notifications" };

export default async function NotificationsSettingsPage() {
  const actor = await requirePageActor();
  const [preferences, digestTime] = await Promise.all([myNotificationPreferences(actor.userId), myDigestTime(actor.userId)]);
  const configured = mailConfigured();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Mail to {actor.user.email}: at once, in one digest a day at the hour you choose, or not at all. You are never told about your own changes.
        </p>
      </div>
      {!configured && (
        <div role="status" className="flex gap-3 rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950/40 dark:text-amber-200 dark:ring-amber-900">
          <MailWarning className="mt-0.5 size-5 shrink-0" aria-hidden />
          <p>
            <strong className="font-semibold">This instance sends no mail.</strong> No SMTP server is configured (SMTP_URL), so nothing below is sent
            until an administrator sets one. Your choices are kept for then.
          </p>
        </div>
      )}
      <NotificationPreferencesForm initial={preferences} />
      <DigestTimeForm initial={digestTime} zones={allTimeZones()} />
    </div>
  );
}
