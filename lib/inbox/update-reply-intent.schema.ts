import { z } from "zod";
import { REPLY_INTENTS } from "@/db/schema/emails";

export const updateReplyIntentSchema = z.object({
  emailId: z.uuid(),
  intent: z.enum(REPLY_INTENTS, "Pick what this reply says."),
});
export type UpdateReplyIntentInput = z.infer<typeof updateReplyIntentSchema>;
