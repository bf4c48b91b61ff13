// Which sentences of a draft rest on a fact (and which one), and which make claims no fact supports.
import { bestSupportingFact, checkClaims, type ClaimFlag } from "@/lib/ai/check-claims";
import { splitSentences } from "@/lib/ai/email-text";
import type { ComposerFact, LeadFields } from "./composer-types";

export type SupportedClaim = { sentence: string; fact: ComposerFact };
export type ClaimAnalysis = { supported: SupportedClaim[]; flags: ClaimFlag[] };

// The same bar the score uses for "personalised": two meaningful words shared with a fact.
const MIN_SHARED_WORDS = 2;

export function analyseClaims(input: {
  subject: string;
  body: string;
  facts: readonly ComposerFact[];
  lead: LeadFields;
  goal: string;
  senderName?: string | null;
}): ClaimAnalysis {
  if (!input.body.trim() && !input.subject.trim()) return { supported: [], flags: [] };
  const flags = checkClaims({
    text: `Subject: ${input.subject}\n\n${input.body}`,
    facts: input.facts,
    lead: input.lead,
    sender: { name: input.senderName ?? undefined },
    goal: input.goal,
  });
  const flagged = new Set(flags.map((f) => f.sentence));
  const supported: SupportedClaim[] = [];
  for (const sentence of splitSentences(input.body)) {
    if (flagged.has(sentence)) continue;
    const best = bestSupportingFact(sentence, input.facts);
    if (best && best.shared >= MIN_SHARED_WORDS) supported.push({ sentence, fact: best.fact });
  }
  return { supported, flags };
}
