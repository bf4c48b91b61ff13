import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stripQuoted } from "@/lib/ai/offline-writer/classify-reply-rules";
import { parseReturnDate } from "@/lib/ai/offline-writer/parse-return-date";
import { detectAutoReply, looksOutOfOffice } from "@/lib/inbound/detect-auto-reply";
import { parseRawMessage, type InboundMessage } from "@/lib/inbound/inbound-message";
import { parseComplaint } from "@/lib/inbound/parse-complaint";
import { classifyBounceStatus, parseDeliveryReport, type DeliveryReport } from "@/lib/inbound/parse-delivery-report";

const DIR = path.resolve(import.meta.dirname, "../fixtures/inbound");
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith(".eml"));
const load = (name: string) => parseRawMessage(readFileSync(path.join(DIR, name)));
const byPrefix = (...prefixes: string[]) => FIXTURES.filter((f) => prefixes.some((p) => f.startsWith(p)));

type Expected = Omit<DeliveryReport, "diagnostic" | "delayed"> & { diagnostic: string; delayed?: boolean };

// Every bounce fixture, with what suppression and the reputation view need from it.
const BOUNCES: Record<string, Expected> = {
  "bounce-postfix-5.1.1-user-unknown.eml": { type: "hard", status: "5.1.1", recipient: "dana.okafor@acme-widgets.com", originalMessageId: "<orig-7f3a9c@mail.example.com>", diagnostic: "User unknown in virtual mailbox table" },
  // Three recipient groups: a delay, then two failures; the first failure is the one reported.
  "bounce-exim-550.eml": { type: "hard", status: "5.0.0", recipient: "sales@northwind-traders.example", originalMessageId: "<orig-b41d07@mail.example.com>", diagnostic: "550 Administrative prohibition" },
  "bounce-gmail-5.1.1.eml": { type: "hard", status: "5.1.1", recipient: "priya.raman.old@gmail.com", originalMessageId: "<orig-2c8e51@mail.example.com>", diagnostic: "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking" },
  "bounce-soft-mailbox-full-delayed.eml": { type: "soft", status: "4.2.2", recipient: "m.weber@kontor-nord.example", originalMessageId: "<orig-55e0aa@mail.example.com>", diagnostic: "Mailbox full", delayed: true },
  "bounce-soft-timeout-4.4.1.eml": { type: "soft", status: "4.4.1", recipient: "info@slow-host.example", originalMessageId: "<orig-9d41f2@mail.example.com>", diagnostic: "Connection timed out" },
  "bounce-m365-5.7.26-dmarc.eml": { type: "auth", status: "5.7.26", recipient: "alex.chen@fabrikam.example", originalMessageId: "<orig-e07b3d@mail.example.com>", diagnostic: "Unauthenticated email from relay.example is not accepted due to domain's DMARC policy" },
  "bounce-gmail-5.7.26-auth.eml": { type: "auth", status: "5.7.26", recipient: "sam.lee@contoso-labs.example", originalMessageId: "<orig-a11c60@mail.example.com>", diagnostic: "fails to pass authentication checks (SPF or DKIM)" },
  // A spam/policy block says nothing about the address: soft, so one event does not suppress it.
  "bounce-5.7.1-spam-content.eml": { type: "soft", status: "5.7.1", recipient: "j.doe@globex.example", originalMessageId: "<orig-0f9e8d@mail.example.com>", diagnostic: "Message rejected as spam by content filtering" },
  // No delivery-status part: read from the text, the original id from the returned copy.
  "bounce-plain-text-mailer-daemon.eml": { type: "hard", status: "5.1.1", recipient: "k.novak@oldhost.example", originalMessageId: "<orig-3b7c2e@mail.example.com>", diagnostic: "550 5.1.1 <k.novak@oldhost.example>: Recipient address rejected: User unknown" },
};

describe("parseDeliveryReport on real-looking bounces", () => {
  it("has a fixture for every bounce listed, and lists every bounce fixture", () => {
    expect(byPrefix("bounce-").sort()).toEqual(Object.keys(BOUNCES).sort());
  });

  for (const [file, expected] of Object.entries(BOUNCES)) {
    it(`reads ${file} as a ${expected.type} bounce of ${expected.recipient}`, async () => {
      const report = parseDeliveryReport(await load(file));
      const { diagnostic, delayed = false, ...exact } = expected;
      expect(report).toMatchObject({ ...exact, delayed });
      expect(report?.diagnostic).toContain(diagnostic);
      // Multi-line SMTP replies are joined without their repeated "550-5.1.1" prefixes.
      expect(report?.diagnostic).not.toMatch(/\d{3}-\d\.\d/);
    });
  }

  it("keeps the delivery-status part as a part rather than folding it into the text", async () => {
    const message = await load("bounce-postfix-5.1.1-user-unknown.eml");
    expect(message.deliveryStatus).toContain("Final-Recipient: rfc822; dana.okafor@acme-widgets.com");
    expect(message.text).not.toContain("Reporting-MTA");
  });

  it("is null for everything that is not a bounce", async () => {
    for (const file of byPrefix("auto-", "ooo-", "human-", "complaint-")) {
      expect(parseDeliveryReport(await load(file)), file).toBeNull();
    }
  });

  it("is null for a delivery-status report of a successful delivery", async () => {
    const message = await load("bounce-postfix-5.1.1-user-unknown.eml");
    const receipt: InboundMessage = { ...message, deliveryStatus: "Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; a@b.example\nAction: delivered\nStatus: 2.0.0\n" };
    expect(parseDeliveryReport(receipt)).toBeNull();
  });
});

describe("classifyBounceStatus", () => {
  const cases: Array<[string | null, string | null, string | undefined, "hard" | "soft" | "auth"]> = [
    ["5.1.1", "550 5.1.1 User unknown", undefined, "hard"],
    ["5.0.0", "550 No such recipient here", undefined, "hard"],
    ["5.2.1", "550 5.2.1 Mailbox disabled", undefined, "hard"],
    ["4.2.2", "452 4.2.2 Mailbox full", undefined, "soft"],
    ["4.4.1", "Connection timed out", "failed", "soft"],
    ["5.1.1", "550 5.1.1 User unknown", "delayed", "soft"],
    ["5.7.26", null, undefined, "auth"],
    ["5.7.1", "550 5.7.1 Unauthenticated email from relay.example is not accepted due to domain's DMARC policy", undefined, "auth"],
    ["5.7.1", "554 5.7.1 SPF check failed: sender not authorized", undefined, "auth"],
    ["5.7.23", "550 5.7.23 The message was rejected because of Sender Policy Framework violation", undefined, "auth"],
    ["5.7.1", "550 5.7.1 Message rejected as spam by content filtering", undefined, "soft"],
    ["5.7.1", "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required", undefined, "soft"],
    [null, "550 5.1.1 <x@y.example> Recipient address rejected", undefined, "hard"],
    [null, "550 Requested action not taken: mailbox unavailable", undefined, "hard"],
    [null, "421 Service not available", undefined, "soft"],
    [null, "550 DMARC policy rejection", undefined, "auth"],
    [null, null, undefined, "soft"],
  ];
  for (const [status, diagnostic, action, expected] of cases) {
    it(`${status ?? "no status"} / ${diagnostic ?? "no diagnostic"}${action ? ` / ${action}` : ""} → ${expected}`, () => {
      expect(classifyBounceStatus({ status, diagnostic, action })).toBe(expected);
    });
  }
});

describe("parseComplaint", () => {
  it("reads the ARF abuse report: who complained and about which message", async () => {
    expect(parseComplaint(await load("complaint-arf-abuse.eml"))).toEqual({
      recipient: "lina.haas@yahoo.com",
      originalMessageId: "<orig-c5d6e7@mail.example.com>",
      feedbackType: "abuse",
    });
  });

  it("is null for bounces, auto-replies and replies", async () => {
    for (const file of byPrefix("bounce-", "auto-", "ooo-", "human-")) expect(parseComplaint(await load(file)), file).toBeNull();
  });
});

describe("detectAutoReply", () => {
  const REASONS: Record<string, string> = {
    "auto-gmail-vacation-auto-submitted.eml": "auto-submitted: auto-replied",
    "auto-x-autoreply-yes.eml": "x-autoreply",
    "auto-precedence-auto-reply.eml": "precedence: auto_reply",
    "auto-precedence-bulk-newsletter.eml": "mailing list, precedence: bulk",
    "auto-microsoft-automatic-reply.eml": "x-auto-response-suppress with automatic-reply subject",
    "auto-ticket-acknowledgement.eml": "auto-submitted: auto-generated",
  };

  for (const [file, reason] of Object.entries(REASONS)) {
    it(`marks ${file} as automatic (${reason}), answering our message`, async () => {
      const message = await load(file);
      expect(detectAutoReply(message)).toEqual({ auto: true, reason });
      expect(message.inReplyTo).toMatch(/^<orig-[0-9a-f]+@mail\.example\.com>$/);
    });
  }

  it("marks every out-of-office fixture as automatic", async () => {
    for (const file of byPrefix("ooo-")) expect(detectAutoReply(await load(file)).auto, file).toBe(true);
  });

  for (const file of byPrefix("human-")) {
    it(`does not mark the person's reply ${file} as automatic`, async () => {
      expect(detectAutoReply(await load(file))).toEqual({ auto: false, reason: null });
    });
  }

  it("keeps List-* headers as written (mailparser merges them into one object)", async () => {
    const message = await load("auto-precedence-bulk-newsletter.eml");
    expect(message.headers["list-id"]).toBe("Globex Weekly <weekly.news.globex.example>");
    expect(message.headers["list-unsubscribe"]).toContain("<mailto:unsub@news.globex.example>");
  });

  it("needs an automatic-reply subject besides X-Auto-Response-Suppress", () => {
    const headers = { "x-auto-response-suppress": "All" };
    expect(detectAutoReply({ headers, subject: "RE: Quick question" }).auto).toBe(false);
    expect(detectAutoReply({ headers, subject: "Autosvar: Quick question" }).auto).toBe(true);
  });

  it("treats Auto-Submitted: no as a person, and a null Return-Path as a machine", () => {
    expect(detectAutoReply({ headers: { "auto-submitted": "no", "return-path": "<dana@acme.example>" }, subject: "Re: hi" }).auto).toBe(false);
    expect(detectAutoReply({ headers: { "return-path": "<>" }, subject: "Re: hi" })).toEqual({ auto: true, reason: "null return-path" });
  });
});

describe("out of office: recognised, and the return date read", () => {
  // Every fixture is dated Thursday 3 December 2026; year-less dates resolve against it.
  const RETURN_DATES: Record<string, string | null> = {
    "ooo-en-back-on-monday.eml": "2026-12-14",
    "ooo-en-returning-day-first.eml": "2026-12-14",
    "ooo-de-ab-dem.eml": "2026-12-14",
    "ooo-en-until-iso.eml": "2026-12-14",
    "ooo-en-back-on-slash.eml": "2026-12-14",
    "ooo-fr-de-retour.eml": "2026-12-14",
    "ooo-no-date.eml": null,
    "auto-gmail-vacation-auto-submitted.eml": "2026-12-11",
  };

  it("covers every ooo- fixture", () => {
    expect(byPrefix("ooo-").every((f) => f in RETURN_DATES)).toBe(true);
  });

  for (const [file, expected] of Object.entries(RETURN_DATES)) {
    it(`reads ${file} as out of office, back ${expected ?? "on no stated date"}`, async () => {
      const message = await load(file);
      expect(looksOutOfOffice(message)).toBe(true);
      expect(message.date).not.toBeNull();
      expect(parseReturnDate(`${message.subject}\n${stripQuoted(message.text)}`, message.date as Date)).toBe(expected);
    });
  }

  it("recognises Exchange's automatic reply and an English travel notice as out of office", async () => {
    for (const file of ["auto-microsoft-automatic-reply.eml", "auto-precedence-auto-reply.eml"]) expect(looksOutOfOffice(await load(file)), file).toBe(true);
  });

  it("does not call a ticket acknowledgement, a newsletter, a generic autoresponder or a person out of office", async () => {
    const files = ["auto-ticket-acknowledgement.eml", "auto-precedence-bulk-newsletter.eml", "auto-x-autoreply-yes.eml", ...byPrefix("human-")];
    // Two of the human replies quote our email, which says "out of office": only the new text counts.
    for (const file of files) expect(looksOutOfOffice(await load(file)), file).toBe(false);
  });
});

describe("parseReturnDate in German and French, and its edge cases", () => {
  const received = new Date("2026-12-03T09:15:00Z");
  const cases: Array<[string, string | null]> = [
    ["Ich bin ab dem 14.12.2026 wieder im Büro.", "2026-12-14"],
    ["Ab Montag bin ich wieder erreichbar.", "2026-12-07"],
    ["Ich bin vom 1.12. bis 13.12. nicht im Büro.", "2026-12-14"],
    ["Ich bin bis einschließlich 13. Dezember im Urlaub.", "2026-12-14"],
    ["Ab dem 5. Jan. 2027 wieder erreichbar.", "2027-01-05"],
    ["zurück am 4. Januar", "2027-01-04"],
    ["Je serai de retour le 14 décembre.", "2026-12-14"],
    ["Je suis absente du 1er au 13 décembre.", "2026-12-14"],
    ["En congé jusqu'au 13 décembre inclus.", "2026-12-14"],
    ["Retour prévu le 4 janvier.", "2027-01-04"],
    ["À partir du lundi 7 décembre je serai au bureau.", "2026-12-07"],
    // Dotted dates are day first even when both numbers could be a month.
    ["back on 05.01.", "2027-01-05"],
    ["back on 01.12.2027", "2027-12-01"],
    ["back on Dec. 14", "2026-12-14"],
    ["I'll be back in the office. Thanks for your note", null],
    // "au" is a cue only before a date: "au bureau" is not "du 1er au 13".
    ["Je suis au bureau demain matin pour une réunion", null],
    ["Ich lese keine Mails über mein Mailpostfach", null],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected}`, () => {
      expect(parseReturnDate(text, received)).toBe(expected);
    });
  }
});
