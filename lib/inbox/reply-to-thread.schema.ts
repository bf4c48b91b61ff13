import { z } from "zod";

export const replyToThreadSchema = z.object({
  emailId: z.uuid(),
  subject: z.string().trim().min(1, "Write a subject.").max(300, "Keep the subject under 300 characters."),
  body: z.string().trim().min(1, "Write your reply.").max(50_000, "That reply is too long."),
  /** One per opened form: a double click or a retried request sends one reply. */
  idempotencyKey: z.string().trim().min(8).max(200),
});
export type ReplyToThreadInput = z.infer<typeof replyToThreadSchema>;

/** "Re: <their subject>", without stacking a second "Re:" (or "RE:", "Re[2]:") in front of one already there. */
export function replySubject(subject: string): string {
  const s = subject.trim();
  if (/^re(\[\d+\])?\s*:/i.test(s)) return s;
  return `Re: ${s || "(no subject)"}`;
}
