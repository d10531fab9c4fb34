"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import type { DigestTime } from "@/lib/notifications/digest-time";
import { setDigestTime, setNotificationPreference } from "@/lib/notifications/preferences";
import {
  setDigestTimeSchema,
  setNotificationPreferenceSchema,
  type SetDigestTimeInput,
  type SetNotificationPreferenceInput,
} from "@/lib/notifications/preferences.schema";

// A user sets only their own choices: the user comes from the session, never from the input.

export async function setNotificationPreferenceAction(input: SetNotificationPreferenceInput): Promise<ActionResult<{ kind: string; mode: string }>> {
  return runAction("setNotificationPreference", setNotificationPreferenceSchema, input, async (data, actor) => {
    const saved = await setNotificationPreference(actor, data);
    revalidatePath("/settings/notifications");
    return saved;
  });
}

export async function setDigestTimeAction(input: SetDigestTimeInput): Promise<ActionResult<DigestTime>> {
  return runAction("setDigestTime", setDigestTimeSchema, input, async (data, actor) => {
    const saved = await setDigestTime(actor, data);
    revalidatePath("/settings/notifications");
    return saved;
  });
}
