// The offline reply classifier: ordered rules over the new part of the reply (quoted history removed).
import type { ClassifyReplyInput, ReplyClassification, ReplyIntent } from "@/lib/ai/classify-reply.schema";
import { parseReturnDate } from "./parse-return-date";

type Rule = { intent: ReplyIntent; confidence: number; test: (r: { subject: string; body: string; from: string }) => boolean };

const BOUNCE_FROM = /mailer-daemon|postmaster|mail delivery (?:subsystem|system)/i;
const BOUNCE_TEXT =
  /delivery status notification|undeliverable|undelivered mail|delivery (?:has )?failed|returned mail|address not found|user unknown|mailbox (?:unavailable|not found|does not exist|is full)|no such user|recipient address rejected|\b5\d\d[ -]5\.\d\.\d+|could not be delivered|message not delivered|permanent(?:ly)? fail/i;
// English, then German and French (the auto-replies our teams' prospects send); exported for the
// inbound out-of-office check, which reads the same phrases.
export const OUT_OF_OFFICE =
  /abwesend|nicht im b(?:ü|ue)ro|au(?:ß|ss)er haus|im urlaub|in (?:elternzeit|mutterschutz)|wieder im b(?:ü|ue)ro|absente? du bureau|en (?:congé|vacances|déplacement)|de retour le|out of (?:the )?office|\booo\b|on (?:annual |parental |maternity |paternity |sick |medical |bereavement )?leave|on (?:vacation|holiday|holidays|pto|sabbatical)|away from (?:the office|my desk|email)|limited access to (?:my )?e-?mail|(?:i am|i'm|i’m|i will be|i'll be|i’ll be) (?:currently )?(?:away|out|travell?ing|offline)|currently (?:away|travell?ing|out)|be back (?:on|in|after|from)|back in the office|returning (?:on|to the office)/i;
const AUTO_REPLY =
  /auto(?:matic)?[- ]?(?:reply|response)|this is an automated (?:message|response|reply)|do not reply to this|(?:we|i) (?:have )?received your (?:e-?mail|message|request)|your (?:request|ticket) (?:has been|was) (?:received|created)|ticket (?:#|number)|thank you for (?:contacting|reaching out to|your email to) (?:us|our)|we will (?:get back|respond|reply) to you (?:shortly|as soon|within)/i;
const UNSUBSCRIBE =
  /unsubscribe|remove me|take me off|opt[- ]?(?:me )?out|stop (?:emailing|contacting|sending|messaging|writing)|(?:do not|don't|don’t) (?:email|contact|message) (?:me|us)|no more emails|remove (?:my|this) (?:email|address)|off your (?:list|mailing list)/i;
const WRONG_PERSON =
  /not the (?:right|best|correct|appropriate) (?:person|contact)|wrong (?:person|contact)|no longer (?:with|at|works|working)|(?:has|have) left (?:the company|\w+)|(?:doesn't|does not|doesn’t) work here|not (?:my|in my) (?:area|department|remit|responsibility)|(?:better|right) (?:person|contact) (?:to|for|is|would be)|you (?:should|might want to|may want to|could) (?:reach out|talk|speak|contact|email|write)|(?:please )?(?:reach out to|contact|email|speak (?:to|with)) [\w.+-]+@|forward(?:ed|ing)? (?:this|your (?:e-?mail|note|message)) to|(?:handles|owns|is responsible for|looks after) (?:this|that|these|purchasing|procurement)|looping in/i;
const NOT_INTERESTED =
  /not interested|uninterested|no,? thanks|no thank you|not a (?:good )?fit|not a priority|not (?:right )?now|not at this time|(?:we're|we are|we’re) (?:all set|good|happy with|covered|not looking)|already (?:use|have|work with|using|signed)|(?:we|i)(?:'ll|’ll| will) pass|no need|(?:don't|do not|don’t) need|not looking|no budget|(?:don't|do not|don’t) follow up|not for us|have to decline|not something we/i;
const INTERESTED =
  /interested|sounds (?:good|great|interesting)|let['’]?s (?:talk|chat|connect|set up|schedule|do it|find a time|meet|book)|happy to (?:chat|talk|connect|meet|learn|hop)|i(?:'d|’d| would) (?:love|like|be happy) to (?:learn|see|chat|talk|hear|meet)|tell me more|send (?:me |over )?(?:more )?(?:info|information|details|a deck|the deck|some times|a calendar)|book (?:a|some) time|calendar (?:link|invite)|works for me|(?:i'm|i am|i’m) (?:free|available)|set up a (?:call|time|meeting|demo)|count me in|(?:yes|sure),? (?:please|let's|let’s|i'd|that|send|happy)|go ahead|looking forward/i;
const QUESTION = /\?|\bhow much\b|\bpricing\b|\bwhat (?:does|is) (?:it|the)\b/i;

// Order matters: machine messages first, then the replies that must stop a sequence, then the rest.
const RULES: Rule[] = [
  { intent: "bounce", confidence: 0.95, test: (r) => BOUNCE_FROM.test(r.from) || BOUNCE_TEXT.test(`${r.subject}\n${r.body}`) },
  { intent: "out_of_office", confidence: 0.9, test: (r) => OUT_OF_OFFICE.test(`${r.subject}\n${r.body}`) },
  { intent: "auto_reply", confidence: 0.85, test: (r) => AUTO_REPLY.test(`${r.subject}\n${r.body}`) },
  { intent: "unsubscribe_request", confidence: 0.9, test: (r) => UNSUBSCRIBE.test(r.body) },
  { intent: "wrong_person", confidence: 0.85, test: (r) => WRONG_PERSON.test(r.body) },
  { intent: "not_interested", confidence: 0.85, test: (r) => NOT_INTERESTED.test(r.body) },
  { intent: "interested", confidence: 0.8, test: (r) => INTERESTED.test(r.body) },
  { intent: "question", confidence: 0.7, test: (r) => QUESTION.test(r.body) },
];

/** The reply without the quoted thread and signature, so our own email's words are not classified. */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = `${line} ${lines[i + 1] ?? ""}`;
    if (/^\s*>/.test(line)) continue;
    if (/^-{2,}\s*original message\s*-{2,}/i.test(line.trim()) || /^-- ?$/.test(line)) break;
    if (/^\s*on\b.{0,200}\bwrote:\s*$/i.test(line) || /^\s*on\b.{0,200}\bwrote:\s*$/i.test(next)) break;
    if (/^\s*from:\s.+/i.test(line) && /^\s*(?:sent|date):\s/i.test(lines[i + 1] ?? "")) break;
    out.push(line);
  }
  return out.join("\n").trim();
}

const IGNORED_ADDRESS = /no-?reply|mailer-daemon|postmaster|bounce/i;

function referralAddress(body: string, from: string): string | null {
  const own = from.toLowerCase().match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/)?.[0];
  for (const m of body.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) {
    const address = m[0].replace(/\.$/, "").toLowerCase();
    if (address !== own && !IGNORED_ADDRESS.test(address)) return address;
  }
  return null;
}

export function classifyReplyWithRules(input: ClassifyReplyInput): ReplyClassification {
  const reply = { subject: input.subject, body: stripQuoted(input.text), from: input.from ?? "" };
  const matched = RULES.filter((r) => r.test(reply));
  const first = matched[0];
  // Several rules agreeing on different intents is a sign the rules are guessing.
  const confidence = first ? Math.max(0.4, first.confidence - 0.1 * (matched.length - 1)) : 0.35;
  const intent: ReplyIntent = first?.intent ?? "interested";
  const received = new Date(input.receivedAt);
  return {
    intent,
    returnDate: intent === "out_of_office" ? parseReturnDate(`${reply.subject}\n${reply.body}`, received) : null,
    referralEmail: intent === "wrong_person" || intent === "out_of_office" ? referralAddress(reply.body, reply.from) : null,
    confidence: Math.round(confidence * 100) / 100,
  };
}
