import {
  createInstanceWebhookAction,
  deleteInstanceWebhookAction,
  editInstanceWebhookAction,
  resendInstanceWebhookDeliveryAction,
  rotateInstanceWebhookSecretAction,
  sendInstanceWebhookTestAction,
  setInstanceWebhookEnabledAction,
} from "@/app/(app)/admin/webhooks/actions";
import {
  createWebhookAction,
  deleteWebhookAction,
  editWebhookAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
} from "@/app/(app)/launches/[launchId]/webhooks/actions";
import type { CreateWebhookInput, EditWebhookInput } from "@/lib/webhooks/schema";

// The webhook screens serve a launch (its managers) and the instance (admins, launchId null): the same
// components, the matching server actions.

type Fields = Omit<CreateWebhookInput, "launchId">;
type EditFields = Omit<EditWebhookInput, "launchId">;

export function webhookActions(launchId: string | null) {
  if (launchId === null) {
    return {
      create: (f: Fields) => createInstanceWebhookAction(f),
      edit: (f: EditFields) => editInstanceWebhookAction(f),
      setEnabled: (endpointId: string, enabled: boolean) => setInstanceWebhookEnabledAction({ endpointId, enabled }),
      rotate: (endpointId: string) => rotateInstanceWebhookSecretAction({ endpointId }),
      remove: (endpointId: string) => deleteInstanceWebhookAction({ endpointId }),
      test: (endpointId: string) => sendInstanceWebhookTestAction({ endpointId }),
      resend: (deliveryId: string) => resendInstanceWebhookDeliveryAction({ deliveryId }),
    };
  }
  return {
    create: (f: Fields) => createWebhookAction({ ...f, launchId }),
    edit: (f: EditFields) => editWebhookAction({ ...f, launchId }),
    setEnabled: (endpointId: string, enabled: boolean) => setWebhookEnabledAction({ launchId, endpointId, enabled }),
    rotate: (endpointId: string) => rotateWebhookSecretAction({ launchId, endpointId }),
    remove: (endpointId: string) => deleteWebhookAction({ launchId, endpointId }),
    test: (endpointId: string) => sendWebhookTestAction({ launchId, endpointId }),
    resend: (deliveryId: string) => resendWebhookDeliveryAction({ launchId, deliveryId }),
  };
}
