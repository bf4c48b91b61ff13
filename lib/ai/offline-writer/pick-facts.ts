// Which supplied facts the offline writer cites, and how a fact's claim reads inside a sentence.
import { contentTokens, countWords } from "@/lib/ai/email-text";
import type { EmailFact } from "@/lib/ai/generate-email.schema";

// Facts about change (money, people, launches, customers) make the most natural openers.
const NEWSWORTHY = /\b(rais\w*|fund\w*|series [a-e]|seed|hir\w*|launch\w*|releas\w*|announc\w*|introduc\w*|acquir\w*|expan\w*|open\w* (?:an? )?(?:new )?office|customers?|partner\w*|award\w*|grew|growth)\b/i;
// A claim longer than this would crowd out the rest of a 50–125-word email.
const MAX_CLAIM_WORDS = 30;

/**
 * Up to `count` facts, most useful first: newsworthy, about the lead's company, on the goal's topic.
 * Ties keep the rep's order, so the same input always cites the same facts.
 */
export function pickFacts(facts: readonly EmailFact[], goal: string, company: string | undefined, count: number): EmailFact[] {
  const goalTokens = contentTokens(goal);
  const companyLower = company?.toLowerCase();
  const scored = facts
    .filter((f) => countWords(f.claim) <= MAX_CLAIM_WORDS)
    .map((fact, index) => {
      let score = 0;
      if (NEWSWORTHY.test(fact.claim)) score += 3;
      if (companyLower && fact.claim.toLowerCase().includes(companyLower)) score += 1;
      for (const t of contentTokens(fact.claim)) if (goalTokens.has(t)) score += 1;
      return { fact, index, score };
    });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, count).map((s) => s.fact);
}

const KEEP_CAPITAL = /^(?:I|[A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*)\b/;
const COMMON_OPENERS = /^(?:The|A|An|This|That|Its|Their|They|It|In|On|At|Since|Over|After|Last|Earlier|Recently|Now|Today)\b/;

/**
 * The claim as a clause after "I read that …": trailing punctuation dropped, a leading common word
 * lower-cased (proper names kept), and a first-person claim ("We raised …") turned towards the reader.
 */
export function claimClause(claim: string, company: string | undefined): string {
  let c = claim.trim().replace(/[.!;:\s]+$/, "");
  const who = company || "your team";
  c = c
    .replace(/^we\s+are\b/i, `${who} is`)
    .replace(/^we['’]re\b/i, `${who} is`)
    .replace(/^we['’]ve\b/i, `${who} has`)
    .replace(/^we\b/i, who)
    .replace(/^our\b/i, company ? `${company}'s` : "your");
  if (COMMON_OPENERS.test(c) && !KEEP_CAPITAL.test(c)) c = c.charAt(0).toLowerCase() + c.slice(1);
  return c;
}
