import { describe, expect, it } from "vitest";
import { checkClaims } from "@/lib/ai/check-claims";

const FACTS = [
  { id: "f1", claim: "Brightline Health raised a $45M Series C in January 2025." },
  { id: "f2", claim: "Brightline Health is hiring 30 nurses in Portland." },
  { id: "f3", claim: "Brightline Health launched a remote patient monitoring app for clinics." },
];
const LEAD = { firstName: "Maya", company: "Brightline Health" };
const SENDER = { name: "Leo Park", company: "Caresync" };
const GOAL = "book a demo of Caresync, our scheduling tool";

const check = (text: string) => checkClaims({ text, facts: FACTS, lead: LEAD, sender: SENDER, goal: GOAL });

// Each fixture is a draft with one planted problem (or none) and the reason the checker must give.
const FIXTURES: Array<{ name: string; text: string; flagged: string[]; reason?: RegExp }> = [
  {
    name: "a supported draft",
    text: "Subject: Idea for Brightline Health\n\nHi Maya,\n\nI saw that Brightline Health raised a $45M Series C in January 2025. Congrats on the new funding round.\n\nWould you be open to a demo of Caresync next week?\n\nBest,\nLeo Park\n\nFacts used: f1",
    flagged: [],
  },
  {
    name: "a number no fact contains",
    text: "Hi Maya,\n\nI saw that Brightline Health raised $60M last year. Would you be open to a call?",
    flagged: ["I saw that Brightline Health raised $60M last year."],
    reason: /“60”/,
  },
  {
    name: "an investor nobody mentioned",
    text: "Hi Maya,\n\nCongrats on closing the round with Sequoia Capital. Would you be open to a call?",
    flagged: ["Congrats on closing the round with Sequoia Capital."],
    reason: /“Sequoia”, “Capital”/,
  },
  {
    name: "a made-up event with no names or numbers",
    text: "Hi Maya,\n\nI noticed you just opened an office overseas. Would you be open to a call?",
    flagged: ["I noticed you just opened an office overseas."],
    reason: /event/,
  },
  {
    name: "congratulations on something the facts do not say",
    text: "Hi Maya,\n\nCongrats on the award for best employer. Would you be open to a call?",
    flagged: ["Congrats on the award for best employer."],
    reason: /event \(“Congrats…”\)/,
  },
  {
    name: "a wrong city in an otherwise supported sentence",
    text: "Hi Maya,\n\nI read that Brightline Health is hiring 30 nurses in Seattle. Would you be open to a call?",
    flagged: ["I read that Brightline Health is hiring 30 nurses in Seattle."],
    reason: /“Seattle”/,
  },
  {
    name: "a paraphrase of a supplied fact",
    text: "Hi Maya,\n\nI saw the launch of your remote monitoring app for clinics. Would you be open to a call?",
    flagged: [],
  },
  {
    name: "durations, weekdays and the sender's own product are not claims",
    text: "Hi Maya,\n\nCaresync keeps schedules full. Are you free for a 15-minute call on Tuesday or Wednesday?",
    flagged: [],
  },
  {
    name: "two planted claims in one draft",
    text: "Subject: Congrats on the IPO\n\nHi Maya,\n\nI read that Brightline Health is hiring 30 nurses in Portland. I heard you doubled revenue to $90M. Your customers at Kaiser must be thrilled.\n\nWould you be open to a call?",
    flagged: ["Congrats on the IPO", "I heard you doubled revenue to $90M.", "Your customers at Kaiser must be thrilled."],
  },
];

describe("checkClaims", () => {
  for (const f of FIXTURES) {
    it(`flags exactly the unsupported sentences: ${f.name}`, () => {
      const flags = check(f.text);
      expect(flags.map((x) => x.sentence)).toEqual(f.flagged);
      if (f.reason) expect(flags[0].reason).toMatch(f.reason);
    });
  }

  it("treats the lead's and sender's names as known, but not the same names without that context (greetings aside)", () => {
    const text = "Hi Maya,\n\nLeo Park here from Caresync. Would you be open to a call?";
    expect(check(text)).toEqual([]);
    expect(checkClaims({ text, facts: [] }).map((f) => f.sentence)).toEqual(["Leo Park here from Caresync."]);
  });

  it("has nothing to flag in a draft with no specific claims", () => {
    expect(checkClaims({ text: "Hello,\n\nI help teams like yours save time. Would you be open to a short call next week?", facts: [] })).toEqual([]);
  });
});
