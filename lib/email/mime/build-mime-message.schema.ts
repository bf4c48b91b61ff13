import { z } from "zod";
import { MESSAGE_ID } from "./message-id";

const messageId = z.string().regex(MESSAGE_ID, "must look like <id@domain>");
const oneLine = z.string().regex(/^[^\r\n]*$/, "must be a single line");

export const mimeMessageInputSchema = z.object({
  from: z.object({ address: z.email(), name: oneLine.max(200).nullish() }),
  to: z.array(z.email()).min(1).max(50),
  cc: z.array(z.email()).max(50).default([]),
  bcc: z.array(z.email()).max(50).default([]),
  replyTo: z.email().nullish(),
  subject: oneLine.max(998),
  html: z.string().min(1),
  /** Derived from the HTML when absent. */
  text: z.string().nullish(),
  messageId,
  inReplyTo: messageId.nullish(),
  /** The thread's earlier Message-IDs, oldest first (the parent's References plus the parent). */
  references: z.array(messageId).max(100).default([]),
  listUnsubscribe: z.object({ url: z.url(), mailto: z.email() }).nullish(),
  /** Extra headers: only our own X- headers; the standard ones come from the fields above. */
  headers: z.record(z.string().regex(/^X-[A-Za-z0-9-]+$/, "only X- headers"), oneLine).default({}),
  date: z.date().optional(),
});
export type MimeMessageInput = z.input<typeof mimeMessageInputSchema>;
