"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import {
  createWebhook,
  deleteWebhook,
  editWebhook,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTest,
  setWebhookEnabled,
} from "@/lib/webhooks/endpoints";
import {
  createInstanceWebhookSchema,
  editInstanceWebhookSchema,
  instanceWebhookEndpointSchema,
  resendInstanceWebhookSchema,
  setInstanceWebhookEnabledSchema,
} from "@/lib/webhooks/schema";
import type { z } from "zod";
import { anyInput, parseForAdmin } from "@/lib/windows/authorize-input";

// Instance-wide webhooks (every launch's events): instance admins only, refused before the input is
// judged, and again inside each command.
const WHAT = "manage instance-wide webhooks";

export async function createInstanceWebhookAction(input: z.input<typeof createInstanceWebhookSchema>): Promise<ActionResult<{ id: string; secret: string }>> {
  return runAction("createInstanceWebhook", anyInput, input, (raw, actor) =>
    createWebhook(actor, { ...parseForAdmin(actor, WHAT, createInstanceWebhookSchema, raw), launchId: null }),
  );
}

export async function editInstanceWebhookAction(input: z.input<typeof editInstanceWebhookSchema>): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction("editInstanceWebhook", anyInput, input, (raw, actor) => editWebhook(actor, { ...parseForAdmin(actor, WHAT, editInstanceWebhookSchema, raw), launchId: null }));
}

export async function setInstanceWebhookEnabledAction(
  input: z.input<typeof setInstanceWebhookEnabledSchema>,
): Promise<ActionResult<{ id: string; version: number; enabled: boolean }>> {
  return runAction("setInstanceWebhookEnabled", anyInput, input, (raw, actor) =>
    setWebhookEnabled(actor, { ...parseForAdmin(actor, WHAT, setInstanceWebhookEnabledSchema, raw), launchId: null }),
  );
}

export async function rotateInstanceWebhookSecretAction(
  input: z.input<typeof instanceWebhookEndpointSchema>,
): Promise<ActionResult<{ id: string; version: number; secret: string; previousValidUntil: string }>> {
  return runAction("rotateInstanceWebhookSecret", anyInput, input, (raw, actor) =>
    rotateWebhookSecret(actor, { ...parseForAdmin(actor, WHAT, instanceWebhookEndpointSchema, raw), launchId: null }),
  );
}

export async function deleteInstanceWebhookAction(input: z.input<typeof instanceWebhookEndpointSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteInstanceWebhook", anyInput, input, (raw, actor) => deleteWebhook(actor, { ...parseForAdmin(actor, WHAT, instanceWebhookEndpointSchema, raw), launchId: null }));
}

export async function sendInstanceWebhookTestAction(input: z.input<typeof instanceWebhookEndpointSchema>): Promise<ActionResult<{ deliveryId: string }>> {
  return runAction("sendInstanceWebhookTest", anyInput, input, (raw, actor) =>
    sendWebhookTest(actor, { ...parseForAdmin(actor, WHAT, instanceWebhookEndpointSchema, raw), launchId: null }),
  );
}

export async function resendInstanceWebhookDeliveryAction(input: z.input<typeof resendInstanceWebhookSchema>): Promise<ActionResult<{ deliveryId: string }>> {
  return runAction("resendInstanceWebhookDelivery", anyInput, input, (raw, actor) =>
    resendWebhookDelivery(actor, { ...parseForAdmin(actor, WHAT, resendInstanceWebhookSchema, raw), launchId: null }),
  );
}
