"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import {
  cancelWindowSchema,
  moveWindowSchema,
  transitionWindowSchema,
  type CancelWindowInput,
  type MoveWindowInput,
  type TransitionWindowInput,
} from "@/lib/windows/actions.schema";
import { anyInput, parseForLaunchAction } from "@/lib/windows/authorize-input";
import { cancelWindow, moveWindow, proposeOrScheduleWindow, transitionWindow } from "@/lib/windows/commands";
import { scheduleWindowSchema, type ScheduleWindowInput } from "@/lib/windows/window.schema";

// Managers only ("window.manage"): checked before the input is judged, and again inside each command.
type Saved = { id: string; version: number };

const refresh = (launchId: string) => {
  revalidatePath(`/launches/${launchId}`, "layout");
  revalidatePath("/calendar");
};

export async function scheduleWindowAction(input: ScheduleWindowInput): Promise<ActionResult<Saved & { status: string }>> {
  return runAction("scheduleWindow", anyInput, input, async (raw, actor) => {
    const data = await parseForLaunchAction(actor, "window.manage", scheduleWindowSchema, raw);
    const window = await proposeOrScheduleWindow(actor, data);
    refresh(data.launchId);
    return window;
  });
}

export async function moveWindowAction(input: MoveWindowInput): Promise<ActionResult<Saved>> {
  return runAction("moveWindow", anyInput, input, async (raw, actor) => {
    const data = await parseForLaunchAction(actor, "window.manage", moveWindowSchema, raw);
    const window = await moveWindow(actor, data);
    refresh(data.launchId);
    return window;
  });
}

export async function transitionWindowAction(input: TransitionWindowInput): Promise<ActionResult<Saved & { status: string }>> {
  return runAction("transitionWindow", anyInput, input, async (raw, actor) => {
    const data = await parseForLaunchAction(actor, "window.manage", transitionWindowSchema, raw);
    const window = await transitionWindow(actor, data);
    refresh(data.launchId);
    return window;
  });
}

export async function cancelWindowAction(input: CancelWindowInput): Promise<ActionResult<Saved & { status: string }>> {
  return runAction("cancelWindow", anyInput, input, async (raw, actor) => {
    const data = await parseForLaunchAction(actor, "window.manage", cancelWindowSchema, raw);
    const window = await cancelWindow(actor, data);
    refresh(data.launchId);
    return window;
  });
}
