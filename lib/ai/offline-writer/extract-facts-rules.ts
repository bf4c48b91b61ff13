// The offline fact extractor: sentences that say something specific about the company, turned third-person.
import { countWords, splitSentences } from "@/lib/ai/email-text";
import type { ExtractFactsInput, ExtractedClaims } from "@/lib/research/extract-facts.schema";

const SIGNALS: Array<{ re: RegExp; weight: number }> = [
  { re: /\b(?:rais(?:ed|es|ing)|funding|series [a-e]\b|seed round|investors?|backed by|valuation|investment from)\b/i, weight: 3 },
  { re: /\b(?:hiring|we['’]re hiring|join (?:our|the) team|open (?:roles|positions)|headcount|recruiting|new hires?)\b/i, weight: 2 },
  { re: /\b(?:launch(?:ed|es|ing)?|introduc(?:ed|es|ing)|announc(?:ed|es|ing)|unveil(?:ed|s)?|releas(?:ed|es)|now available|general availability)\b/i, weight: 2 },
  { re: /\b(?:customers?|clients?|retailers|merchants|brands|users|trusted by|used by|serv(?:es|ing)|partner(?:ed|s|ship)? with|partnership)\b/i, weight: 2 },
  { re: /\b(?:expan(?:ded|ding|sion|ds)|opened|new office|acquir(?:ed|es|ition)|grew|grown|growing|growth|revenue|arr\b|profitable)\b/i, weight: 2 },
  { re: /\b(?:award|recogni[sz]ed|named (?:a|one|to)|ranked|certified|soc ?2|iso ?27001)\b/i, weight: 1 },
  { re: /\d/, weight: 1 },
  { re: /[$€£]\s?\d|\b\d+(?:\.\d+)?\s?(?:million|billion|m|bn|k)\b|\d+\s?%/i, weight: 1 },
];
// Boilerplate and calls to action are about the website, not the company.
const NOISE =
  /cookie|privacy|copyright|all rights reserved|terms of (?:service|use)|©|sign ?up|subscribe|newsletter|click|learn more|contact us|book a demo|request a demo|get started|log ?in|javascript|we use|your browser|\bfollow us\b/i;
const MIN_WORDS = 6;
const MAX_WORDS = 45;
const MAX_FACTS = 8;
const MIN_SCORE = 3;

/** "acme-robotics.com" → "Acme Robotics": the fallback name for first-person claims when none was given. */
export function nameFromUrl(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, "").split(".")[0] ?? "";
  return host.split(/[-_]/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

/** A company's own sentence ("We raised …", "our customers") as a claim about the company. */
export function toThirdPerson(sentence: string, company: string): string {
  return sentence
    .replace(/\bwe['’]re\b/gi, `${company} is`)
    .replace(/\bwe['’]ve\b/gi, `${company} has`)
    .replace(/\bwe are\b/gi, `${company} is`)
    .replace(/\bwe have\b/gi, `${company} has`)
    .replace(/\bwe were\b/gi, `${company} was`)
    .replace(/^we\b/i, company)
    .replace(/\bwe\b/gi, company)
    .replace(/\bours\b/gi, `${company}'s`)
    .replace(/\bour\b/gi, `${company}'s`)
    .replace(/\bus\b/g, company)
    .replace(/\s+/g, " ")
    .trim();
}

export function extractFactsWithRules(input: ExtractFactsInput): ExtractedClaims {
  const company = input.company?.trim() || nameFromUrl(input.url);
  const seen = new Set<string>();
  const candidates: Array<{ claim: string; score: number; index: number }> = [];
  splitSentences(input.text).forEach((sentence, index) => {
    const n = countWords(sentence);
    if (n < MIN_WORDS || n > MAX_WORDS || sentence.includes("?") || NOISE.test(sentence)) return;
    let score = SIGNALS.reduce((sum, s) => sum + (s.re.test(sentence) ? s.weight : 0), 0);
    if (sentence.toLowerCase().includes(company.toLowerCase()) || /\b(?:we|our)\b/i.test(sentence)) score += 1;
    // A number alone (a phone number, a year in a footer) is not news.
    if (score < MIN_SCORE || SIGNALS.slice(0, 6).every((s) => !s.re.test(sentence))) return;
    const claim = toThirdPerson(sentence, company).replace(/!+/g, ".").replace(/\s*[.]*$/, ".");
    const key = claim.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push({ claim, score, index });
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  return {
    facts: candidates.slice(0, MAX_FACTS).map((c) => ({ claim: c.claim, confidence: Math.min(0.9, 0.35 + 0.08 * c.score) })),
  };
}
