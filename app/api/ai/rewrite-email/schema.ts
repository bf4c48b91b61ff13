// The POST body of /api/ai/rewrite-email: the rewrite request plus which team it is for.
import { z } from "zod";
import { rewriteEmailInputSchema } from "@/lib/ai/rewrite-email.schema";

export const rewriteEmailBodySchema = rewriteEmailInputSchema.extend({
  /** The team's slug; membership is checked against the session, never trusted from here. */
  team: z.string().trim().min(1).max(100),
  /** useCompletion always sends its input box as `prompt`; the structured fields carry the request. */
  prompt: z.string().max(10_000).optional(),
  /** Who the draft is for, kept with the saved rewrite; a half-typed address is dropped rather than refused. */
  leadEmail: z.email().max(320).optional().catch(undefined),
});
