import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/roles";
import { runCommand } from "@/lib/server/command";
import { PREFERENCE_KINDS, type NotificationMode, type PreferenceKind } from "./kinds";
import type { SetNotificationPreferenceInput } from "./preferences.schema";

// A user's notification choices. Only ever the actor's own (from the session or a signed unsubscribe
// token), through the one write path, audited as an event without a launch.

export type PreferenceChoice = NotificationMode | "DEFAULT";

export async function myNotificationPreferences(userId: string): Promise<Record<PreferenceKind, PreferenceChoice>> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, mode: true } });
  const out = Object.fromEntries(PREFERENCE_KINDS.map((k) => [k, "DEFAULT"])) as Record<PreferenceKind, PreferenceChoice>;
  for (const r of rows) if ((PREFERENCE_KINDS as readonly string[]).includes(r.kind)) out[r.kind as PreferenceKind] = r.mode;
  return out;
}

export async function setNotificationPreference(actor: Actor, input: SetNotificationPreferenceInput, via: "settings" | "unsubscribe" = "settings") {
  const { notificationKind: kind, notificationMode: mode } = input;
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    if (mode === "DEFAULT") await tx.notificationPreference.deleteMany({ where: { userId: actor.userId, kind } });
    else await tx.notificationPreference.upsert({ where: { userId_kind: { userId: actor.userId, kind } }, create: { userId: actor.userId, kind, mode }, update: { mode } });
    emit(null, { type: "notification_preference.changed", payload: { kind, mode, via } });
    return { kind, mode };
  });
  return result;
}
