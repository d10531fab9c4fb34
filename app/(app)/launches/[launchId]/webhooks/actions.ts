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
  createWebhookSchema,
  editWebhookSchema,
  resendWebhookSchema,
  setWebhookEnabledSchema,
  webhookEndpointSchema,
  type CreateWebhookInput,
  type EditWebhookInput,
  type ResendWebhookInput,
  type SetWebhookEnabledInput,
  type WebhookEndpointInput,
} from "@/lib/webhooks/schema";

// Managers only (checked inside each command). A signing secret comes back once, to be shown once.

export async function createWebhookAction(input: CreateWebhookInput): Promise<ActionResult<{ id: string; secret: string }>> {
  return runAction("createWebhook", createWebhookSchema, input, (data, actor) => createWebhook(actor, data));
}

export async function editWebhookAction(input: EditWebhookInput): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction("editWebhook", editWebhookSchema, input, (data, actor) => editWebhook(actor, data));
}

export async function setWebhookEnabledAction(input: SetWebhookEnabledInput): Promise<ActionResult<{ id: string; version: number; enabled: boolean }>> {
  return runAction("setWebhookEnabled", setWebhookEnabledSchema, input, (data, actor) => setWebhookEnabled(actor, data));
}

export async function rotateWebhookSecretAction(
  input: WebhookEndpointInput,
): Promise<ActionResult<{ id: string; version: number; secret: string; previousValidUntil: string }>> {
  return runAction("rotateWebhookSecret", webhookEndpointSchema, input, (data, actor) => rotateWebhookSecret(actor, data));
}

export async function deleteWebhookAction(input: WebhookEndpointInput): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteWebhook", webhookEndpointSchema, input, (data, actor) => deleteWebhook(actor, data));
}

export async function sendWebhookTestAction(input: WebhookEndpointInput): Promise<ActionResult<{ deliveryId: string }>> {
  return runAction("sendWebhookTest", webhookEndpointSchema, input, (data, actor) => sendWebhookTest(actor, data));
}

export async function resendWebhookDeliveryAction(input: ResendWebhookInput): Promise<ActionResult<{ deliveryId: string }>> {
  return runAction("resendWebhookDelivery", resendWebhookSchema, input, (data, actor) => resendWebhookDelivery(actor, data));
}
