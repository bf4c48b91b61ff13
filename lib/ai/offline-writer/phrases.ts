// The offline writer's wording, per tone. Every line is generic on purpose: no names, numbers or events,
// so nothing it adds can be a claim that the research facts do not support.
import type { EmailTone } from "@/lib/ai/generate-email.schema";

type TonePhrases = {
  greeting: (name?: string) => string;
  factOpener: (clause: string) => string;
  secondFact: (clause: string) => string;
  bridge?: string;
  noFactOpener: (company?: string) => string;
  purposeVerb: (goal: string) => string;
  purposeTopic: (goal: string) => string;
  /** Reader-focused sentences added, in order, until the body reaches its target length. */
  fillers: string[];
  ask: string;
  signoff: string;
  subject: (company?: string, senderCompany?: string) => string;
};

export const FOLLOW_UP_OPENER = "Following up on my earlier note in case it got buried.";

export const PHRASES: Record<EmailTone, TonePhrases> = {
  friendly: {
    greeting: (name) => (name ? `Hi ${name},` : "Hi there,"),
    factOpener: (c) => `I read that ${c}.`,
    secondFact: (c) => `I also read that ${c}.`,
    bridge: "That made me think of you.",
    noFactOpener: (company) => (company ? `I'm writing to you at ${company} with a short note.` : "I'm writing with a short note."),
    purposeVerb: (g) => `I'm reaching out because I'd like to ${g}.`,
    purposeTopic: (g) => `I'm reaching out about ${g}.`,
    fillers: [
      "If it helps, I can share how similar teams handle this, and you can decide quickly whether it is worth your time.",
      "You would not need to prepare anything, and I will keep it focused on your priorities.",
      "If the timing is off, tell me and I will not keep nudging you.",
      "Either way, I hope the rest of your week goes well.",
    ],
    ask: "Would you be open to a short call next week to see if this could help you?",
    signoff: "Best,",
    subject: (company) => (company ? `An idea for ${company}` : "An idea for you"),
  },
  professional: {
    greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
    factOpener: (c) => `I noticed that ${c}.`,
    secondFact: (c) => `I also noticed that ${c}.`,
    bridge: "It seemed relevant to the reason for my note.",
    noFactOpener: (company) => (company ? `I am writing with a brief note for the team at ${company}.` : "I am writing with a brief note."),
    purposeVerb: (g) => `I am reaching out because I would like to ${g}.`,
    purposeTopic: (g) => `I am reaching out regarding ${g}.`,
    fillers: [
      "I can share how comparable teams approach this, so you can judge the fit for yourself.",
      "No preparation is needed on your side, and I will keep the conversation focused on your priorities.",
      "If now is not the right time, please let me know and I will not follow up further.",
      "Thank you for considering it, and I appreciate your time.",
    ],
    ask: "Would you have time for a brief call next week?",
    signoff: "Kind regards,",
    subject: (company, senderCompany) =>
      company && senderCompany ? `${company} and ${senderCompany}` : company ? `A thought for ${company}` : "A brief introduction",
  },
  direct: {
    greeting: (name) => (name ? `${name},` : "Hello,"),
    factOpener: (c) => `I saw that ${c}.`,
    secondFact: (c) => `I also saw that ${c}.`,
    noFactOpener: () => "I will keep this short.",
    purposeVerb: (g) => `I'd like to ${g}.`,
    purposeTopic: (g) => `I'm writing about ${g}.`,
    fillers: [
      "You would see within one short call whether it fits your team.",
      "There is nothing to prepare on your side, and I will keep it focused on your goals.",
      "If it is not a priority for you right now, say so and I will stop here.",
      "Your time matters, so I will keep the call tight and practical.",
    ],
    ask: "Are you free for a short call on Tuesday or Wednesday?",
    signoff: "Thanks,",
    subject: (company) => (company ? `${company}: quick question` : "Quick question"),
  },
  casual: {
    greeting: (name) => (name ? `Hey ${name},` : "Hey there,"),
    factOpener: (c) => `I saw that ${c}.`,
    secondFact: (c) => `I also saw that ${c}.`,
    bridge: "Made me think of you.",
    noFactOpener: (company) => (company ? `Quick note for you at ${company}.` : "Quick note for you."),
    purposeVerb: (g) => `I'd like to ${g}.`,
    purposeTopic: (g) => `I'm writing about ${g}.`,
    fillers: [
      "Happy to show you how similar teams do it, and you can decide if it's worth your time.",
      "There's nothing to prep on your side, and I'll keep it about your goals.",
      "If the timing's off for you, just say so and I'll leave you be.",
      "Hope your week is going well so far.",
    ],
    ask: "Would a quick chat next week work for you?",
    signoff: "Cheers,",
    subject: (company) => (company ? `Quick one for ${company}` : "Quick one"),
  },
};

// Goals usually start with what the sender wants to do ("book a demo …"); those read as "I'd like to …".
export const GOAL_VERBS = new Set(
  (
    "book get introduce show share set schedule learn explore offer invite ask find see help demo discuss start pitch connect " +
    "talk meet understand present walk hear reconnect follow propose invite partner sell tell chat arrange run review compare"
  ).split(" "),
);
