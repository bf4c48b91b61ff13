import { z } from "zod";

export const resendWebhookParamsSchema = z.object({ mailboxId: z.uuid() });
