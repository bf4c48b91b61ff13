// A rewrite request from the composer: the current draft and the one way to change it.
import { z } from "zod";
import { emailFactSchema } from "./generate-email.schema";

export const REWRITE_MODES = ["shorter", "warmer", "more_direct", "fix_grammar"] as const;
export type RewriteMode = (typeof REWRITE_MODES)[number];

export const rewriteEmailInputSchema = z.object({
  mode: z.enum(REWRITE_MODES),
  /** The whole draft as the composer holds it: "Subject: …", blank line, body, optional "Facts used: …". */
  draft: z.string().trim().min(1).max(10_000),
  /** The facts the draft may cite; a rewrite must not add claims beyond them. */
  facts: z.array(emailFactSchema).max(20).default([]),
});
export type RewriteEmailInput = z.infer<typeof rewriteEmailInputSchema>;
