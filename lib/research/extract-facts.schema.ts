// Fact extraction: a fetched page in, sourced claims about the company out.
import { z } from "zod";

export const extractFactsInputSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().max(500).default(""),
  /** Readable text of the page (see extract-readable-text); long pages are cut before the model sees them. */
  text: z.string().max(200_000),
  /** The company the lead works for, so claims about it can be preferred over claims about others. */
  company: z.string().max(200).optional(),
  fetchedAt: z.iso.datetime({ offset: true }),
});
export type ExtractFactsInput = z.infer<typeof extractFactsInputSchema>;

/**
 * What the model returns: claims only; the source and time are attached by us, never taken from the model.
 * No length keywords: OpenAI's strict structured output rejects some, so limits are applied afterwards.
 */
export const extractedClaimsSchema = z.object({
  facts: z.array(
    z.object({
      claim: z.string().describe("One specific, self-contained statement about the company, in the third person."),
      confidence: z.number().describe("0 to 1: how clearly the page states it."),
    }),
  ),
});
export type ExtractedClaims = z.infer<typeof extractedClaimsSchema>;

export type ExtractedFact = { claim: string; sourceUrl: string; fetchedAt: string; confidence: number };
