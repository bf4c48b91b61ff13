// Flags sentences in a draft that make a specific claim (a name, a number, an event) no research fact supports.
import { contentTokens, splitSentences, words } from "@/lib/ai/email-text";
import { parseDraft } from "@/lib/ai/parse-draft";

export type ClaimFlag = { sentence: string; reason: string };

export type CheckClaimsInput = {
  /** The whole draft ("Subject: …" and "Facts used: …" lines are understood) or just a body. */
  text: string;
  facts: ReadonlyArray<{ id?: string; claim: string }>;
  /** What the rep supplied is not a claim to verify: the lead's and sender's names, the goal's product names. */
  lead?: { firstName?: string; lastName?: string; company?: string; title?: string; city?: string; country?: string };
  sender?: { name?: string; company?: string };
  goal?: string;
};

const EVENT_CUE =
  /\b(?:i (?:saw|noticed|read|heard|came across)|saw that|congrat\w*|recently|just (?:launched|raised|announced|hired|opened|closed|won)|announc\w*|launch\w*|rais(?:ed|ing)|acquir\w*|hired|hiring|expand\w*|opened|won|your recent|new (?:office|funding|round|role|product|hire))\b/i;
// Kinds of news: "congrats on the funding round" is backed by "raised a $45M Series C" though no word is shared.
const EVENT_KINDS: Record<string, RegExp> = {
  funding: /\b(?:rais\w*|fund\w*|round|series [a-e]|seed|invest\w*|backed|valuation)\b/i,
  hiring: /\b(?:hir\w*|recruit\w*|headcount|open roles|new roles|growing the team|join(?:ing)? the team)\b/i,
  launch: /\b(?:launch\w*|releas\w*|introduc\w*|unveil\w*|announc\w*|new (?:product|feature|app|api|platform))\b/i,
  acquisition: /\b(?:acqui\w*|merg\w*|bought)\b/i,
  expansion: /\b(?:expan\w*|new office|opened|opening|new market)\b/i,
  award: /\b(?:award\w*|recogni\w*|ranked|named (?:a|one|to))\b/i,
  customers: /\b(?:customers?|clients?|partner\w*)\b/i,
};

function eventKinds(text: string): Set<string> {
  return new Set(Object.entries(EVENT_KINDS).filter(([, re]) => re.test(text)).map(([kind]) => kind));
}

const GREETING_OR_SIGNOFF = /^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.!?]*,|(?:best|thanks|thank you|cheers|regards|kind regards|best regards|warm regards|warmly|sincerely)[^.!?]{0,20},?)$/i;

// Words that signal an event but say nothing about which one; they cannot count as support.
const CUE_TOKENS = new Set(["saw", "notic", "read", "heard", "came", "across", "congrat", "congratulation", "recent", "recently", "also"]);
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;
// "a 15-minute call" is an ask, not a claim about the reader.
const DURATION = /\b\d+(?:\.\d+)?[\s-]?(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\b/gi;

function digitRuns(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*/g)?.map((d) => d.replace(/,/g, "")) ?? [];
}

/** Capitalised words that are not the sentence's first word, "I", a weekday/month or a short acronym (SDR, CRM). */
function properNames(sentence: string): string[] {
  // "Re: Quick one" or "Acme: quick question": each clause after a colon or dash starts like a sentence.
  const clauses = sentence.replace(/^(?:re|fwd?|fw)\s*:\s*/i, "").split(/[:;—–]\s+|\s+-\s+/);
  return clauses.flatMap((clause) => properNamesInClause(clause));
}

function properNamesInClause(clause: string): string[] {
  const ws = words(clause);
  return ws.filter((w, i) => {
    if (i === 0 || !/^\p{Lu}/u.test(w) || w === "I" || /^I['’]/.test(w)) return false;
    if (CALENDAR.test(w.replace(/[.,]$/, ""))) return false;
    if (/^\p{Lu}{2,4}s?$/u.test(w)) return false;
    return true;
  });
}

/** The fact sharing the most meaningful words with the sentence, with how many it shares. */
export function bestSupportingFact<F extends { claim: string }>(sentence: string, facts: readonly F[]): { fact: F; shared: number } | null {
  const tokens = [...contentTokens(sentence)].filter((t) => !CUE_TOKENS.has(t));
  let best: { fact: F; shared: number } | null = null;
  for (const fact of facts) {
    const factTokens = contentTokens(fact.claim);
    const shared = tokens.filter((t) => factTokens.has(t)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { fact, shared };
  }
  return best;
}

export function checkClaims(input: CheckClaimsInput): ClaimFlag[] {
  const draft = parseDraft(input.text);
  const knownText = [
    ...Object.values(input.lead ?? {}),
    ...Object.values(input.sender ?? {}),
    input.goal,
  ].filter(Boolean).join(" ");
  const supportText = `${input.facts.map((f) => f.claim).join(" ")} ${knownText}`;
  const supportTokens = new Set([...contentTokens(supportText), ...words(supportText).map((w) => w.toLowerCase())]);
  const supportDigits = new Set(digitRuns(supportText.replace(DURATION, "")));

  const factKinds = input.facts.map((f) => eventKinds(f.claim));
  // Greetings and sign-offs name the reader or the sender; they are not claims.
  const sentences = [draft.subject, ...splitSentences(draft.body)].filter((s) => s && !GREETING_OR_SIGNOFF.test(s.trim()));
  const flags: ClaimFlag[] = [];
  for (const sentence of sentences) {
    const numbers = digitRuns(sentence.replace(DURATION, "")).filter((d) => !supportDigits.has(d));
    if (numbers.length) {
      flags.push({ sentence, reason: `States ${numbers.map((n) => `“${n}”`).join(", ")}, which no research fact contains.` });
      continue;
    }
    const names = properNames(sentence).filter((w) => {
      const lower = w.toLowerCase().replace(/[.,]$/, "");
      return !supportTokens.has(lower) && ![...contentTokens(w)].some((t) => supportTokens.has(t));
    });
    if (names.length) {
      flags.push({ sentence, reason: `Names ${names.map((n) => `“${n}”`).join(", ")}, which no research fact mentions.` });
      continue;
    }
    const cue = sentence.match(EVENT_CUE);
    if (cue) {
      const best = bestSupportingFact(sentence, input.facts);
      const meaningful = [...contentTokens(sentence)].filter((t) => !CUE_TOKENS.has(t)).length;
      const kinds = eventKinds(sentence);
      const sameKind = factKinds.some((k) => [...kinds].some((kind) => k.has(kind)));
      const supported = sameKind || (best !== null && (best.shared >= 2 || best.shared / Math.max(1, meaningful) >= 0.5));
      if (!supported) flags.push({ sentence, reason: `Refers to an event (“${cue[0]}…”) that no research fact supports.` });
    }
  }
  return flags;
}
