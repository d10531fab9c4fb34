import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/roles";
import { runCommand } from "@/lib/server/command";
import { PREFERENCE_KINDS, type NotificationMode, type PreferenceKind } from "./kinds";
import type { z } from "zod";
import { digestTimeOf, type DigestTime } from "./digest-time";
import type { setDigestTimeSchema, SetNotificationPreferenceInput } from "./preferences.schema";

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

/** The user's digest time as it applies now, and whether they ever chose one (else 07:00 UTC applies). */
export async function myDigestTime(userId: string): Promise<DigestTime & { chosen: boolean }> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { digestHour: true, digestTimeZone: true } });
  return { ...digestTimeOf(u.digestHour, u.digestTimeZone), chosen: u.digestHour !== null && u.digestTimeZone !== null };
}

export async function setDigestTime(actor: Actor, input: z.output<typeof setDigestTimeSchema>): Promise<DigestTime> {
  const { digestHour: hour, digestTimeZone: timeZone } = input;
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    await tx.user.update({ where: { id: actor.userId }, data: { digestHour: hour, digestTimeZone: timeZone } });
    emit(null, { type: "notification_preference.changed", payload: { kind: "digest_time", hour, timeZone, via: "settings" } });
    return { hour, timeZone };
  });
  return result;
}
