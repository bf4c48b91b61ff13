import { describe, expect, it } from "vitest";
import { scoreEmail } from "@/lib/ai/score-email";

const LEAD = { firstName: "Sofia", company: "Lumen Analytics" };
const FACTS = [{ claim: "Lumen Analytics opened a new office in Lisbon to support European customers." }];

// A sound cold email: 50–125 words, short subject, one ask, about the reader, personalised, plain.
const GOOD = {
  subject: "Lisbon office idea",
  body: [
    "Hi Sofia,",
    "I saw that Lumen Analytics opened a new office in Lisbon to support European customers.",
    "When a team grows across time zones, your reps often lose hours to scheduling. Our tool books meetings for you in the right zone, so your team spends that time selling.",
    "Teams like yours usually see results in the first month, and there is nothing to set up on your side.",
    "Would you be open to a short call next week?",
    "Best,\nAna",
  ].join("\n\n"),
};

const failed = (email: { subject: string; body: string }) =>
  scoreEmail({ ...email, lead: LEAD, facts: FACTS }).checks.filter((c) => !c.passed).map((c) => c.id);

// Each fixture plants known faults into the good email; the scorer must name exactly those.
const FIXTURES: Array<{ name: string; email: { subject: string; body: string }; faults: string[]; fix?: RegExp }> = [
  { name: "the sound email", email: GOOD, faults: [] },
  {
    name: "too short",
    email: { subject: GOOD.subject, body: "Hi Sofia,\n\nSaw the new Lumen Analytics office in Lisbon. Could you chat next week?\n\nAna" },
    faults: ["length"],
    fix: /Add about \d+ words/,
  },
  {
    name: "too long",
    email: { subject: GOOD.subject, body: GOOD.body.replace("Best,", `${"You can keep your calendar tidy and your team focused on the deals in front of you. ".repeat(6)}\n\nBest,`) },
    faults: ["length", "paragraphs"],
    fix: /Cut about \d+ words/,
  },
  { name: "a long subject", email: { ...GOOD, subject: "A quick question about how your sales team books meetings across Europe" }, faults: ["subject"] },
  { name: "no subject", email: { ...GOOD, subject: "" }, faults: ["subject"], fix: /Add a subject line/ },
  {
    name: "spam phrases",
    email: { ...GOOD, body: GOOD.body.replace("Would you be open", "This is a limited time offer with guaranteed results. Would you be open") },
    faults: ["spam"],
    fix: /“limited time”, “guarantee”/,
  },
  {
    name: "too many links and an image",
    email: { ...GOOD, body: GOOD.body.replace("Best,", "See https://a.example/one and https://b.example/two\n\n<img src=\"https://a.example/logo.png\">\n\nBest,") },
    faults: ["links"],
    fix: /Remove the images/,
  },
  {
    name: "no personalisation",
    email: { ...GOOD, body: GOOD.body.replace("I saw that Lumen Analytics opened a new office in Lisbon to support European customers.", "I work with growing sales teams and help them every day.") },
    faults: ["personal"],
  },
  {
    name: "all about the sender",
    email: {
      subject: GOOD.subject,
      body: [
        "Hi Sofia,",
        "I saw that Lumen Analytics opened a new office in Lisbon to support European customers.",
        "I run a scheduling company and we built our product over many years. I think our team has made something my customers love, and I am proud of our work.",
        "We would like to show it. Our product is the best we have built and I believe in it.",
        "Would you be open to a short call next week?",
        "Best,\nAna",
      ].join("\n\n"),
    },
    faults: ["youI"],
  },
  { name: "no ask", email: { ...GOOD, body: GOOD.body.replace("Would you be open to a short call next week?", "Thanks for reading this note.") }, faults: ["ask"], fix: /End with one clear question/ },
  {
    name: "two asks",
    email: { ...GOOD, body: GOOD.body.replace("Would you be open to a short call next week?", "Would you be open to a short call next week? Or should I send a deck?") },
    faults: ["ask"],
    fix: /has 2/,
  },
  {
    name: "one wall of text",
    email: { subject: GOOD.subject, body: GOOD.body.split("\n\n").slice(1, 5).join(" ").replace(/^/, "Hi Sofia, ") },
    faults: ["paragraphs"],
  },
  { name: "shouting", email: { ...GOOD, body: GOOD.body.replace("Would you be open", "This is HUGE for your team!! Would you be open") }, faults: ["shouting"] },
  {
    name: "hard to read",
    email: {
      ...GOOD,
      body: GOOD.body.replace(
        "Teams like yours usually see results in the first month, and there is nothing to set up on your side.",
        "Organisations experiencing internationalisation consistently underestimate the administrative complexity associated with coordinating geographically distributed communication infrastructure.",
      ),
    },
    faults: ["reading"],
  },
];

describe("scoreEmail", () => {
  for (const f of FIXTURES) {
    it(`names exactly the faults in ${f.name}`, () => {
      expect(failed(f.email)).toEqual(f.faults);
      const result = scoreEmail({ ...f.email, lead: LEAD, facts: FACTS });
      const lost = result.checks.filter((c) => !c.passed).reduce((sum, c) => sum + c.weight, 0);
      expect(result.score).toBe(100 - lost);
      for (const c of result.checks) {
        if (c.passed) expect(c.fix).toBeUndefined();
        else expect(c.fix).toBeTruthy();
      }
      if (f.fix) expect(result.checks.find((c) => c.id === f.faults[0])?.fix).toMatch(f.fix);
    });
  }

  it("weights add up to 100 and the score is deterministic", () => {
    const a = scoreEmail({ ...GOOD, lead: LEAD, facts: FACTS });
    expect(a.checks.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(a.score).toBe(100);
    expect(scoreEmail({ ...GOOD, lead: LEAD, facts: FACTS })).toEqual(a);
  });

  it("counts a mention of the lead's company as personalisation even without research facts", () => {
    const { checks } = scoreEmail({ ...GOOD, lead: LEAD });
    expect(checks.find((c) => c.id === "personal")).toMatchObject({ passed: true, detail: "mentions their company" });
  });
});
