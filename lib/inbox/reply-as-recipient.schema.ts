import { z } from "zod";

export const replyAsRecipientSchema = z.object({
  outboxMessageId: z.uuid(),
  body: z.string().trim().min(1, "Write what the recipient answers.").max(20_000, "Keep it under 20,000 characters."),
});
export type ReplyAsRecipientInput = z.infer<typeof replyAsRecipientSchema>;
