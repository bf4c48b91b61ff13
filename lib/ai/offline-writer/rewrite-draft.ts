// The offline rewrites: shorter, warmer, more direct, fixed grammar — edits that never add a new claim.
import { bestSupportingFact } from "@/lib/ai/check-claims";
import { countWords, splitSentences } from "@/lib/ai/email-text";
import { formatDraft, parseDraft } from "@/lib/ai/parse-draft";
import type { RewriteEmailInput } from "@/lib/ai/rewrite-email.schema";

const FILLER_PHRASES: Array<[RegExp, string]> = [
  [/\bI hope (?:this|my) (?:e-?mail|note|message) finds you well[.,!]?\s*/gi, ""],
  [/\bI hope you(?:'re| are) (?:doing )?well[.,!]?\s*/gi, ""],
  [/\bI (?:just )?wanted to (?:reach out|touch base|follow up)(?: because| to say that| and)?\s*/gi, ""],
  [/\bI was wondering if you would\b/gi, "Would you"],
  [/\bI was wondering if\b/gi, ""],
  [/\b(?:just|really|very|actually|basically|quite|simply|truly)\s+/gi, ""],
];
const HEDGES: Array<[RegExp, string]> = [
  [/\b(?:I think|I believe|I feel like|perhaps|maybe|possibly|kind of|sort of)\s*,?\s*/gi, ""],
  [/\bI know you(?:'re| are) busy[^.]*\.\s*/gi, ""],
  [/\bSorry to bother you[^.]*\.\s*/gi, ""],
  [/\bI(?:'m| am) reaching out because I(?:'d| would) like to\b/gi, "I'd like to"],
  [/\bWould you be open to\b/g, "Are you open to"],
  [/\bWould you have time for\b/g, "Do you have time for"],
];
const MISSPELLINGS: Record<string, string> = {
  teh: "the", recieve: "receive", recieved: "received", seperate: "separate", definately: "definitely", occured: "occurred",
  untill: "until", alot: "a lot", wich: "which", thier: "their", beleive: "believe", acheive: "achieve", adress: "address",
  calender: "calendar", begining: "beginning", buisness: "business", sucess: "success", tommorow: "tomorrow",
  tomorow: "tomorrow", wierd: "weird", dont: "don't", cant: "can't", wont: "won't", im: "I'm", ive: "I've",
};

const isGreeting = (line: string) => /^(?:hi|hello|hey|dear|good (?:morning|afternoon))\b.*,$/i.test(line.trim()) || /^\S+,$/.test(line.trim());

function applyAll(text: string, rules: Array<[RegExp, string]>): string {
  return rules.reduce((t, [re, to]) => t.replace(re, to), text);
}

function capitaliseSentences(text: string): string {
  return text.replace(/(^|[.!?]\s+|\n\s*)([a-z])/g, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

export function fixGrammar(text: string): string {
  let t = text.replace(/[ \t]{2,}/g, " ").replace(/ +([,.!?;:])/g, "$1");
  t = t.replace(/([,;:])(?=[A-Za-z])/g, "$1 ").replace(/([.!?])(?=[A-Z][a-z])/g, "$1 ");
  t = t.replace(/\b[A-Za-z]+\b/g, (w) => {
    const fix = MISSPELLINGS[w.toLowerCase()];
    if (!fix) return w;
    return /^[A-Z]/.test(w) && !fix.startsWith("I") ? fix.charAt(0).toUpperCase() + fix.slice(1) : fix;
  });
  t = t.replace(/\b(\w+)\s+\1\b/gi, (m, w: string) => (/^(?:that|had|is)$/i.test(w) ? m : w));
  t = t.replace(/\bi\b/g, "I").replace(/\bcould of\b/gi, "could have").replace(/\bshould of\b/gi, "should have").replace(/\bwould of\b/gi, "would have");
  t = t.replace(/\byour welcome\b/gi, "you're welcome").replace(/\bits a\b/g, "it's a");
  // Article agreement only before lower-case words: acronyms ("an SDR") follow their pronunciation.
  t = t.replace(/\b([Aa]) (?=(?!one\b|once\b)[aeio][a-z])/g, "$1n ").replace(/\b([Aa])n (?=[bcdfgjklmnpqrstvwxz][a-z])/g, "$1 ");
  return capitaliseSentences(t);
}

/** Keeps the greeting, the first point, the ask and the sign-off; drops the rest from the end until short enough. */
function shorten(body: string): string {
  const paragraphs = applyAll(body, FILLER_PHRASES).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const target = Math.max(50, Math.round(countWords(body) * 0.7));
  const units = paragraphs.map((p, i) => ({ i, sentences: isGreeting(p) || i >= paragraphs.length - 1 ? [p] : splitSentences(p) }));
  const removable: Array<{ i: number; s: number }> = [];
  units.forEach((u, i) => u.sentences.forEach((s, j) => {
    const keep = i === 0 || (i === 1 && j === 0) || s.includes("?") || i === units.length - 1;
    if (!keep) removable.push({ i, s: j });
  }));
  const render = () => units.map((u) => u.sentences.filter(Boolean).join(" ")).filter(Boolean).join("\n\n");
  for (const r of removable.reverse()) {
    if (countWords(render()) <= target) break;
    const saved = units[r.i].sentences[r.s];
    units[r.i].sentences[r.s] = "";
    if (countWords(render()) < 50) units[r.i].sentences[r.s] = saved;
  }
  return render();
}

function warmer(body: string): string {
  let t = body.replace(/^(?:hello|dear|good (?:morning|afternoon))\s+([^,\n]+),/im, "Hi $1,").replace(/^([A-Z][\w'-]*),[ \t]*\n/, "Hi $1,\n");
  if (!/hope (?:your|you)/i.test(t)) t = t.replace(/^((?:hi|hey)[^\n]*,)\n/im, "$1\n\nI hope your week is going well.\n");
  t = t.replace(/\bAre you (?:free|open|available) for\b/g, "Would you be open to").replace(/\bDo you have time for\b/g, "Would you be open to");
  t = t.replace(/^(?:Thanks|Regards|Kind regards|Best regards|Best),[ \t]*$/m, "Warm regards,");
  return countWords(t) > 125 ? t.replace("I hope your week is going well.\n\n", "") : t;
}

function moreDirect(body: string): string {
  const t = applyAll(applyAll(body, FILLER_PHRASES), HEDGES);
  return t.replace(/^(?:Best|Regards|Warm regards|Kind regards|Best regards|Cheers|Warmly),[ \t]*$/m, "Thanks,").replace(/\n{3,}/g, "\n\n");
}

export function rewriteDraft(input: RewriteEmailInput): { subject: string; body: string; factIds: string[] } {
  const draft = parseDraft(input.draft);
  const edit = { shorter: shorten, warmer, more_direct: moreDirect, fix_grammar: fixGrammar }[input.mode];
  const body = fixSpacing(capitaliseSentences(edit(draft.body)));
  const subject = input.mode === "fix_grammar" ? fixGrammar(draft.subject) : draft.subject;
  // A fact stays cited only while some sentence still leans on it.
  const sentences = splitSentences(body);
  const cited = input.facts.length
    ? input.facts.filter((f) => draft.factIds.includes(f.id) && sentences.some((s) => (bestSupportingFact(s, [f])?.shared ?? 0) >= 2)).map((f) => f.id)
    : draft.factIds;
  return { subject, body, factIds: cited };
}

function fixSpacing(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").replace(/ {2,}/g, " ").trim();
}

export function rewriteDraftText(input: RewriteEmailInput): string {
  return formatDraft(rewriteDraft(input));
}
