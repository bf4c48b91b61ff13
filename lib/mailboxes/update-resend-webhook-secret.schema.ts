import { z } from "zod";
import { resendWebhookSecretField } from "./create-mailbox.schema";

export const updateResendWebhookSecretSchema = z.object({ mailboxId: z.uuid(), webhookSecret: resendWebhookSecretField });
export type UpdateResendWebhookSecretInput = z.infer<typeof updateResendWebhookSecretSchema>;
