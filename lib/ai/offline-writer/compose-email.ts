// The offline writer's email: built deterministically from the lead, the chosen facts, the goal and the tone.
import { countWords } from "@/lib/ai/email-text";
import { LENGTH_WORDS, type GenerateEmailInput } from "@/lib/ai/generate-email.schema";
import { claimClause, pickFacts } from "./pick-facts";
import { FOLLOW_UP_OPENER, GOAL_VERBS, PHRASES } from "./phrases";

export type ComposedEmail = { subject: string; body: string; factIds: string[] };

// The hard bounds, whatever the length preset: cold emails read best between these.
const HARD_MIN_WORDS = 50;
const HARD_MAX_WORDS = 125;
const MAX_GOAL_WORDS = 25;
const MAX_SUBJECT_CHARS = 50;

/** The goal as a clause: first person stripped, pointed at the reader, one clause, no ?/! (the ask owns the only "?"). */
export function goalClause(goal: string): { text: string; startsWithVerb: boolean } {
  let g = goal
    .trim()
    .replace(/^(?:goal\s*:\s*)/i, "")
    .replace(/^(?:i|we)\s+(?:want|would like|'d like|need|hope)\s+to\s+/i, "")
    .replace(/^to\s+/i, "")
    .replace(/[?!]+/g, ".")
    .replace(/\b(?:the lead|them)\b/gi, "you")
    .replace(/\btheir\b/gi, "your");
  g = g.split(/(?<=[.;])\s+/)[0].replace(/[.;:,\s]+$/, "");
  const ws = g.split(/\s+/);
  if (ws.length > MAX_GOAL_WORDS) g = ws.slice(0, MAX_GOAL_WORDS).join(" ");
  const first = ws[0]?.toLowerCase() ?? "";
  const startsWithVerb = GOAL_VERBS.has(first);
  if (startsWithVerb || /^(?:a|an|the|our|my)$/i.test(first)) g = g.charAt(0).toLowerCase() + g.slice(1);
  return { text: g, startsWithVerb };
}

function capitalise(name: string | undefined): string | undefined {
  const n = name?.trim();
  return n ? n.charAt(0).toUpperCase() + n.slice(1) : undefined;
}

function fillTemplate(template: string, input: GenerateEmailInput): string {
  const values: Record<string, string | undefined> = {
    firstName: capitalise(input.lead.firstName),
    lastName: input.lead.lastName,
    company: input.lead.company,
    title: input.lead.title,
    senderName: input.sender.name,
    senderCompany: input.sender.company,
  };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

export function composeEmail(input: GenerateEmailInput): ComposedEmail {
  const p = PHRASES[input.tone];
  const company = input.lead.company?.trim() || undefined;
  const step = input.context?.stepNumber ?? 1;

  let subject = p.subject(company, input.sender.company?.trim() || undefined);
  if (subject.length > MAX_SUBJECT_CHARS) subject = p.subject(undefined, undefined);
  if (step > 1) subject = `Re: ${subject}`;

  // A rep's own template wins over our wording; only its variables are filled.
  if (input.context?.template) {
    const filled = fillTemplate(input.context.template, input).trim();
    const m = filled.match(/^subject\s*:\s*(.+)\n+/i);
    return { subject: m ? m[1].trim() : subject, body: m ? filled.slice(m[0].length).trim() : filled, factIds: [] };
  }

  const facts = pickFacts(input.facts, input.goal, company, step > 1 || input.length === "short" ? 1 : 2);
  const goal = goalClause(input.goal);
  const opening: string[] = step > 1 ? [FOLLOW_UP_OPENER] : [];
  if (facts[0]) opening.push(p.factOpener(claimClause(facts[0].claim, company)));
  else if (step === 1) opening.push(p.noFactOpener(company));
  let second = facts[1] ? p.secondFact(claimClause(facts[1].claim, company)) : undefined;
  const bridge = facts[0] ? p.bridge : undefined;
  const purpose = goal.startsWithVerb ? p.purposeVerb(goal.text) : p.purposeTopic(goal.text);
  const fillers: string[] = [];

  const signature = [p.signoff, input.sender.name?.trim()].filter(Boolean).join("\n");
  const render = () => {
    const first = [...opening, second, bridge].filter(Boolean).join(" ");
    const middle = [purpose, ...fillers.slice(0, 1)].join(" ");
    const rest = fillers.slice(1).join(" ");
    return [p.greeting(capitalise(input.lead.firstName)), first, middle, rest, p.ask, signature]
      .filter((part) => part && part.trim())
      .join("\n\n");
  };

  const target = LENGTH_WORDS[input.length];
  const min = Math.max(target.min, HARD_MIN_WORDS);
  const max = Math.min(target.max, HARD_MAX_WORDS);
  // Add reader-focused sentences up to the target, then back off (never below the hard minimum) if over it.
  const fit = () => {
    fillers.length = 0;
    for (const filler of p.fillers) {
      if (countWords(render()) >= min) break;
      fillers.push(filler);
    }
    while (countWords(render()) > max && fillers.length > 0) {
      const removed = fillers.pop()!;
      if (countWords(render()) < HARD_MIN_WORDS) {
        fillers.push(removed);
        break;
      }
    }
  };
  fit();
  // Long claims or a long goal: the second fact goes before the email goes over the hard maximum.
  if (countWords(render()) > HARD_MAX_WORDS && second) {
    second = undefined;
    fit();
  }

  const cited = second ? facts : facts.slice(0, 1);
  return { subject, body: render(), factIds: cited.map((f) => f.id) };
}
