// The POST body of /api/ai/generate-email: the draft request plus which team it is for.
import { z } from "zod";
import { generateEmailInputSchema } from "@/lib/ai/generate-email.schema";

export const generateEmailBodySchema = generateEmailInputSchema.extend({
  /** The team's slug; membership is checked against the session, never trusted from here. */
  team: z.string().trim().min(1).max(100),
  /** "Regenerate": skip the cached draft. */
  regenerate: z.boolean().default(false),
  /** useCompletion always sends its input box as `prompt`; the structured fields carry the request. */
  prompt: z.string().max(10_000).optional(),
});
