// A deterministic 0–100 pre-send score for a cold email, with the reason for every lost point and a fix.
import { bestSupportingFact } from "@/lib/ai/check-claims";
import { countWords, readingGrade, splitSentences, words } from "@/lib/ai/email-text";

export type ScoreCheck = { id: string; label: string; passed: boolean; weight: number; detail: string; fix?: string };
export type EmailScore = { score: number; checks: ScoreCheck[] };

export type ScoreEmailInput = {
  subject: string;
  body: string;
  lead?: { firstName?: string; company?: string };
  facts?: ReadonlyArray<{ claim: string }>;
};

const MIN_WORDS = 50;
const MAX_WORDS = 125;
const MAX_SUBJECT_WORDS = 7;
const MAX_SUBJECT_CHARS = 50;
const MAX_GRADE = 8;
const MAX_PARAGRAPH_SENTENCES = 3;
const MAX_PARAGRAPH_WORDS = 50;

// Phrases mailbox filters and readers both treat as promotional.
const SPAM_PHRASES = [
  "act now", "limited time", "100% free", "for free", "free trial", "free gift", "risk-free", "risk free", "guarantee",
  "no obligation", "click here", "buy now", "order now", "special promotion", "exclusive deal", "winner", "earn money",
  "make money", "extra income", "cash bonus", "lowest price", "best price", "urgent", "once in a lifetime", "double your",
  "incredible offer", "dear friend", "as seen on", "no cost", "call now", "apply now", "get paid", "$$$", "miracle",
  "100% satisfied", "increase your sales", "don't miss out", "while supplies last",
];
const ACRONYMS = new Set(["GDPR", "HIPAA", "SOC", "ISO", "HTML", "JSON", "HTTP", "HTTPS", "AWS", "CRM", "API", "SMTP", "DMARC", "DKIM", "NYSE", "NASDAQ", "FAQ", "ASAP", "SaaS", "USA", "EMEA", "APAC", "CEO", "CFO", "CTO", "COO", "CMO", "CRO", "SDRs", "SDR", "BDR", "BDRs", "ROI", "KPI", "KPIs"]);
const CTA_WITHOUT_QUESTION = /\b(?:let me know (?:if|when|whether)|reply (?:with|to this)|grab (?:a|some) time|book (?:a|some) time|pick a time|send me (?:a|your))\b/i;

const WEIGHTS = { length: 20, subject: 8, reading: 10, spam: 12, links: 8, personal: 12, youI: 8, ask: 12, paragraphs: 5, shouting: 5 };

function check(id: keyof typeof WEIGHTS, label: string, passed: boolean, detail: string, fix: string): ScoreCheck {
  return passed ? { id, label, passed, weight: WEIGHTS[id], detail } : { id, label, passed, weight: WEIGHTS[id], detail, fix };
}

function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function scoreEmail(input: ScoreEmailInput): EmailScore {
  const { subject, body } = input;
  const lowerAll = `${subject}\n${body}`.toLowerCase();
  const checks: ScoreCheck[] = [];

  const wordCount = countWords(body);
  checks.push(check("length", "Length 50–125 words", wordCount >= MIN_WORDS && wordCount <= MAX_WORDS, `${wordCount} words`,
    wordCount > MAX_WORDS ? `Cut about ${wordCount - MAX_WORDS} words: keep one point about them, one about you, and the ask.`
      : `Add about ${MIN_WORDS - wordCount} words: say why this matters to them.`));

  const subjectWords = countWords(subject);
  checks.push(check("subject", "Short subject line", subjectWords >= 1 && subjectWords <= MAX_SUBJECT_WORDS && subject.length <= MAX_SUBJECT_CHARS,
    `${subjectWords} words, ${subject.length} characters`,
    subjectWords === 0 ? "Add a subject line of 2–7 words." : `Shorten the subject to at most ${MAX_SUBJECT_WORDS} words and ${MAX_SUBJECT_CHARS} characters.`));

  const grade = readingGrade(body);
  checks.push(check("reading", "Easy to read (grade 8 or below)", grade <= MAX_GRADE, `grade ${grade.toFixed(1)}`,
    `Use shorter sentences and plainer words (reads at grade ${grade.toFixed(1)}; aim for ${MAX_GRADE} or below).`));

  const spam = SPAM_PHRASES.filter((p) => lowerAll.includes(p));
  checks.push(check("spam", "No spam-trigger phrases", spam.length === 0, spam.length ? spam.join(", ") : "none",
    `Remove ${spam.map((p) => `“${p}”`).join(", ")}: they read as promotional and trip spam filters.`));

  const links = countMatches(body, /\bhttps?:\/\/\S+|\bwww\.\S+/gi);
  const images = countMatches(body, /<img\b|!\[[^\]]*\]\([^)]*\)|\[image[^\]]*\]/gi);
  checks.push(check("links", "At most one link, no images", links <= 1 && images === 0, `${links} links, ${images} images`,
    images > 0 ? "Remove the images: first emails with images look like marketing and land in Promotions."
      : `Keep at most one link (found ${links}); a first email is a conversation, not a brochure.`));

  const mentionsCompany = !!input.lead?.company && lowerAll.includes(input.lead.company.toLowerCase());
  const usesFact = splitSentences(body).some((s) => (bestSupportingFact(s, input.facts ?? [])?.shared ?? 0) >= 2);
  checks.push(check("personal", "Personalised to the lead", mentionsCompany || usesFact,
    usesFact ? "uses a research fact" : mentionsCompany ? "mentions their company" : "nothing specific to them",
    "Add one line about them or their company, taken from a research fact."));

  const you = countMatches(lowerAll, /\b(?:you|your|yours|yourself|you['’](?:re|ve|d|ll))\b/g);
  const me = countMatches(lowerAll, /\b(?:i|me|my|mine|myself|we|us|our|ours|i['’](?:m|ve|d|ll)|we['’](?:re|ve|d|ll))\b/g);
  checks.push(check("youI", "About them more than you", you >= me, `${you} “you” vs ${me} “I/we”`,
    `Turn a sentence about you into one about them (${me} “I/we” vs ${you} “you”).`));

  const questions = countMatches(body, /\?/g);
  const ctas = splitSentences(body).filter((s) => !s.includes("?") && CTA_WITHOUT_QUESTION.test(s)).length;
  const asks = questions + ctas;
  checks.push(check("ask", "Exactly one clear ask", asks === 1, `${asks} asks`,
    asks === 0 ? "End with one clear question, e.g. “Would you be open to a short call next week?”"
      : `Keep a single ask; this email has ${asks}, so the reader has to choose.`));

  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const long = paragraphs.filter((p) => splitSentences(p).length > MAX_PARAGRAPH_SENTENCES || countWords(p) > MAX_PARAGRAPH_WORDS);
  checks.push(check("paragraphs", "Short, mobile-friendly paragraphs", long.length === 0, `${long.length} long paragraphs`,
    `Break up ${long.length === 1 ? "the long paragraph" : `${long.length} long paragraphs`}: at most ${MAX_PARAGRAPH_SENTENCES} sentences each.`));

  const exclamations = countMatches(`${subject}${body}`, /!/g);
  const shouted = words(`${subject} ${body}`).filter((w) => /^\p{Lu}{4,}$/u.test(w) && !ACRONYMS.has(w));
  checks.push(check("shouting", "No shouting", exclamations <= 1 && shouted.length === 0 && !subject.includes("!"),
    `${exclamations} “!”, ${shouted.length} words in capitals`,
    shouted.length ? `Write ${shouted.slice(0, 3).map((w) => `“${w}”`).join(", ")} in normal case.` : "Drop the exclamation marks; calm reads as confident."));

  const score = checks.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0);
  return { score, checks };
}
