// The reply classifier's input (an inbound message) and its structured output.
import { z } from "zod";

import { REPLY_INTENTS, type ReplyIntent } from "@/db/schema/emails";

export { REPLY_INTENTS, type ReplyIntent };

export const classifyReplyInputSchema = z.object({
  subject: z.string().max(1000).default(""),
  /** Plain-text body; quoted history is stripped before classification. */
  text: z.string().max(50_000),
  from: z.string().max(320).optional(),
  /** When the reply arrived: relative dates ("back Monday", "after the 14th") count from here. */
  receivedAt: z.iso.datetime({ offset: true }),
});
export type ClassifyReplyInput = z.infer<typeof classifyReplyInputSchema>;

export const replyClassificationSchema = z.object({
  intent: z.enum(REPLY_INTENTS),
  /** Out of office: the first day the sender is back (YYYY-MM-DD), if the reply says. */
  returnDate: z.iso.date().nullable(),
  /** Wrong person / out of office: who to write to instead, if the reply names an address. */
  referralEmail: z.email().nullable(),
  confidence: z.number().min(0).max(1),
});
export type ReplyClassification = z.infer<typeof replyClassificationSchema>;

/**
 * What the model is asked to fill. Plain strings and numbers only: OpenAI's strict structured output
 * rejects some JSON Schema keywords (the email pattern's lookaheads among them), so the answer is
 * checked and normalised into ReplyClassification afterwards instead.
 */
export const replyClassificationModelSchema = z.object({
  intent: z.enum(REPLY_INTENTS),
  returnDate: z.string().nullable().describe("Out of office only: the first day back, YYYY-MM-DD; otherwise null."),
  referralEmail: z.string().nullable().describe("Another address the reply says to contact instead; otherwise null."),
  confidence: z.number().describe("0 to 1."),
});
