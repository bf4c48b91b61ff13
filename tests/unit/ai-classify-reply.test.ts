import { describe, expect, it } from "vitest";
import { classifyReply } from "@/lib/ai/classify-reply";
import type { ReplyIntent } from "@/lib/ai/classify-reply.schema";
import { getLanguageModel } from "@/lib/ai/models";
import { classifyReplyWithRules } from "@/lib/ai/offline-writer/classify-reply-rules";
import { parseReturnDate } from "@/lib/ai/offline-writer/parse-return-date";

// Replies arrive on Thursday 3 December 2026; relative dates count from there.
const RECEIVED = "2026-12-03T09:15:00Z";

type Labelled = { text: string; intent: ReplyIntent; subject?: string; from?: string; returnDate?: string | null; referral?: string | null };

const REPLIES: Labelled[] = [
  // Out of office, with the return date in the formats people write.
  { text: "I'm out of the office and back on Monday 14 December. For anything urgent please contact james.liu@acme.com.", intent: "out_of_office", returnDate: "2026-12-14", referral: "james.liu@acme.com" },
  { subject: "Out of office", text: "Returning 12/14. Limited access to email until then.", intent: "out_of_office", returnDate: "2026-12-14" },
  { text: "I am on annual leave until 2026-12-14 and will read your message when I'm back.", intent: "out_of_office", returnDate: "2026-12-14" },
  { text: "Thanks for your email. I'm away and will reply after the 14th.", intent: "out_of_office", returnDate: "2026-12-15" },
  { subject: "Automatic reply: Quick question", text: "I'm on vacation until Friday with no access to email.", intent: "out_of_office", returnDate: "2026-12-04" },
  { text: "I'm on parental leave and will return on January 4th.", intent: "out_of_office", returnDate: "2027-01-04" },
  { text: "OOO until 12/21/2026.", intent: "out_of_office", returnDate: "2026-12-21" },
  { text: "I'm travelling this week with limited access to email; back next week.", intent: "out_of_office", returnDate: "2026-12-07" },
  { text: "I am currently out of the office from 1 Dec to 11 Dec.", intent: "out_of_office", returnDate: "2026-12-12" },
  { subject: "Out of office", text: "Out of office - back 14.12.2026. Für dringende Anfragen: team@acme.de", intent: "out_of_office", returnDate: "2026-12-14", referral: "team@acme.de" },
  { text: "I'm out of the office with limited access to email.", intent: "out_of_office", returnDate: null },
  { text: "I will be out until Monday, December 14th, 2026. I'll respond when I return.", intent: "out_of_office", returnDate: "2026-12-14" },
  // Bounces.
  { from: "mailer-daemon@googlemail.com", subject: "Delivery Status Notification (Failure)", text: "Address not found. Your message wasn't delivered to dana@acme.com because the address couldn't be found.", intent: "bounce" },
  { from: "postmaster@outlook.com", subject: "Undeliverable: Quick question", text: "Remote server returned '550 5.1.1 User unknown'.", intent: "bounce" },
  { subject: "Mail delivery failed: returning message to sender", text: "This message was created automatically by mail delivery software.", intent: "bounce" },
  // Other automatic answers.
  { text: "Thank you for contacting Acme Support. Your ticket #48213 has been received and we will get back to you within 24 hours.", intent: "auto_reply" },
  { text: "This is an automated response. We have received your message and will be in touch.", intent: "auto_reply" },
  { subject: "Automatic reply: Quick question", text: "Thanks for your email. I'll get back to you as soon as possible.", intent: "auto_reply" },
  // Unsubscribe requests.
  { text: "Please remove me from your list.", intent: "unsubscribe_request" },
  { text: "Unsubscribe", intent: "unsubscribe_request" },
  { text: "Stop emailing me.", intent: "unsubscribe_request" },
  { text: "Take me off your mailing list please, not interested.", intent: "unsubscribe_request" },
  // Wrong person, with the referral.
  { text: "I'm not the right person for this. You should reach out to maria.gomez@acme.com who runs our sales ops.", intent: "wrong_person", referral: "maria.gomez@acme.com" },
  { from: "reception@acme.io", text: "Dan is no longer with the company. Please contact sarah@acme.io instead.", intent: "wrong_person", referral: "sarah@acme.io" },
  { text: "This isn't my area, looping in my colleague Priya (priya@acme.com) who handles procurement.", intent: "wrong_person", referral: "priya@acme.com" },
  { text: "Wrong person, sorry. Not sure who handles this.", intent: "wrong_person", referral: null },
  // Not interested.
  { text: "Not interested, thanks.", intent: "not_interested" },
  { text: "We already use Outreach and are happy with it.", intent: "not_interested" },
  { text: "No thanks. Not a priority for us this year.", intent: "not_interested" },
  { text: "Thanks but we're all set.", intent: "not_interested" },
  // Interested.
  { text: "Sounds interesting. Can you send over some times for next week?", intent: "interested" },
  { text: "Yes, let's talk. Thursday at 2pm works for me.", intent: "interested" },
  { text: "Happy to chat. Here's my calendar link: https://cal.example/sam", intent: "interested" },
  { text: "This is timely. We are looking at exactly this for Q1. Are you free for a call on Thursday?", intent: "interested" },
  { text: "I'd love to learn more about how this works with HubSpot.", intent: "interested" },
  // Questions.
  { text: "How much does it cost per seat?", intent: "question" },
  { text: "Does this integrate with Salesforce?", intent: "question" },
  { text: "What does the onboarding look like for a team of our size?", intent: "question" },
  // Quoted history must not decide: our own email says "unsubscribe" and "out of office".
  {
    text: "Not interested.\n\nOn Tue, Dec 1, 2026 at 9:00 AM Tom Becker <tom@relay.example> wrote:\n> Would you be open to a call? Reply unsubscribe to stop.",
    intent: "not_interested",
  },
  {
    text: "Sure, send me a calendar invite.\n\n-----Original Message-----\nFrom: Tom Becker\nSent: Monday, November 30, 2026\nI'm out of office this week. Unsubscribe here.",
    intent: "interested",
  },
];

describe("classifyReply (offline rules through the model interface)", () => {
  const offline = getLanguageModel({});

  it("has at least 30 labelled replies covering every intent", () => {
    expect(REPLIES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(REPLIES.map((r) => r.intent)).size).toBe(8);
  });

  for (const r of REPLIES) {
    it(`classifies as ${r.intent}: ${(r.subject ? `[${r.subject}] ` : "") + r.text.slice(0, 60)}`, async () => {
      const result = await classifyReply({ subject: r.subject ?? "", text: r.text, from: r.from, receivedAt: RECEIVED }, { model: offline });
      expect(result.intent).toBe(r.intent);
      if (r.returnDate !== undefined) expect(result.returnDate).toBe(r.returnDate);
      if (r.intent !== "out_of_office") expect(result.returnDate).toBeNull();
      if (r.referral !== undefined) expect(result.referralEmail).toBe(r.referral);
      expect(result.confidence).toBeGreaterThan(0.3);
      expect(result.confidence).toBeLessThanOrEqual(1);
    });
  }

  it("gives the same answer as the rules called directly", () => {
    const r = REPLIES[0];
    expect(classifyReplyWithRules({ subject: "", text: r.text, receivedAt: RECEIVED })).toMatchObject({ intent: "out_of_office", returnDate: "2026-12-14" });
  });

  it("is unsure about a reply that matches no rule", () => {
    const result = classifyReplyWithRules({ subject: "", text: "Thanks.", receivedAt: RECEIVED });
    expect(result.confidence).toBeLessThan(0.5);
  });
});

describe("parseReturnDate", () => {
  const received = new Date(RECEIVED);
  const cases: Array<[string, string | null]> = [
    ["back on Monday 14 December", "2026-12-14"],
    ["back on Monday", "2026-12-07"],
    ["back tomorrow", "2026-12-04"],
    ["returning 12/14", "2026-12-14"],
    ["returning 14/12", "2026-12-14"],
    ["until 2026-12-14", "2026-12-14"],
    ["after the 14th", "2026-12-15"],
    ["back after the 2nd", "2027-01-03"],
    ["back on 3 January", "2027-01-03"],
    ["I return in two weeks", "2026-12-17"],
    ["through December 18", "2026-12-19"],
    ["back on February 30", null],
    ["no date here", null],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected}`, () => {
      expect(parseReturnDate(text, received)).toBe(expected);
    });
  }
});
