// Every real-world-shaped fixture (tests/fixtures/inbound) through the one ingest door, matched to an email we
// "sent" with the Message-ID the fixture answers: what it is stored as, and what it does to the lead and mailbox.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { suppressions } from "@/db/schema/suppressions";
import { ingestRawMessage } from "@/lib/inbound/ingest-inbound-message";
import { parseRawMessage } from "@/lib/inbound/inbound-message";
import { parseDeliveryReport } from "@/lib/inbound/parse-delivery-report";
import { parseComplaint } from "@/lib/inbound/parse-complaint";
import { createUserWithTeam } from "../support/factories";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { createOutboundEmail } from "../support/sending-fixtures";

const DIR = path.resolve(import.meta.dirname, "../fixtures/inbound");
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith(".eml"));

// What each family of fixture must become. Bounces differ by what the status says about whom to blame.
const EXPECTED: Record<string, { kind: string; lead?: "replied" | "bounced" | "unsubscribed" | "untouched"; mailbox?: "paused" | "active"; intent?: string }> = {
  "auto-": { kind: "auto_reply", lead: "untouched" },
  "ooo-": { kind: "auto_reply", lead: "untouched", intent: "out_of_office" },
  "human-unsubscribe": { kind: "reply", lead: "unsubscribed" },
  "human-": { kind: "reply", lead: "replied" },
  "complaint-": { kind: "complaint", lead: "unsubscribed" },
  "bounce-soft": { kind: "bounce", lead: "untouched" },
  "bounce-5.7.1": { kind: "bounce", lead: "untouched" },
  "bounce-gmail-5.7.26": { kind: "bounce", lead: "untouched", mailbox: "paused" },
  "bounce-m365-5.7.26": { kind: "bounce", lead: "untouched", mailbox: "paused" },
  "bounce-": { kind: "bounce", lead: "bounced", mailbox: "active" },
};
const expectationFor = (file: string) => EXPECTED[Object.keys(EXPECTED).find((prefix) => file.startsWith(prefix))!];

let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;
beforeAll(async () => {
  jobs = await startEmbeddedJobs();
});
afterAll(async () => {
  await jobs?.close();
});

describe("inbound fixtures", () => {
  it("has a fixture of every family", () => {
    for (const prefix of ["auto-", "ooo-", "human-", "complaint-", "bounce-soft", "bounce-gmail-5.7.26"]) expect(FIXTURES.some((f) => f.startsWith(prefix))).toBe(true);
  });

  it.each(FIXTURES)("%s", async (file) => {
    const raw = readFileSync(path.join(DIR, file));
    const parsed = await parseRawMessage(raw);
    const report = parseDeliveryReport(parsed);
    const complaint = parseComplaint(parsed);
    const originalId = report?.originalMessageId ?? complaint?.originalMessageId ?? parsed.inReplyTo ?? parsed.references.at(-1);
    const leadAddress = report?.recipient ?? complaint?.recipient ?? parsed.from!.address;
    expect(originalId, "the fixture names the message it answers").toBeTruthy();

    const db = await getDb();
    const { team } = await createUserWithTeam("fixtures");
    const [mailbox] = await db.insert(mailboxes).values({ teamId: team.id, provider: "smtp", email: parsed.to[0] ?? "rep@mail.example.com" }).returning();
    const [lead] = await db.insert(leads).values({ teamId: team.id, email: leadAddress }).returning();
    const sent = await createOutboundEmail({ teamId: team.id, leadId: lead.id, to: lead.email, mailbox, sentAt: new Date(), extra: { messageId: originalId! } });

    const result = await ingestRawMessage({ teamId: team.id, mailboxId: mailbox.id, inbound: { providerMessageId: file, raw } });
    const want = expectationFor(file);
    expect(result.kind).toBe(want.kind);
    const [row] = await db.select().from(emails).where(eq(emails.id, result.emailId));
    expect(row.answersEmailId).toBe(sent.id);
    if (want.intent) expect(row.intent).toBe(want.intent);

    const [after] = await db.select().from(leads).where(eq(leads.id, lead.id));
    const suppressed = await db.select().from(suppressions).where(and(eq(suppressions.teamId, team.id), eq(suppressions.value, lead.email)));
    if (want.lead === "replied") expect(after.repliedAt).not.toBeNull();
    if (want.lead === "bounced") expect([after.status, suppressed[0]?.reason]).toEqual(["bounced", "hard_bounce"]);
    if (want.lead === "unsubscribed") expect(suppressed).toHaveLength(1);
    if (want.lead === "untouched") expect([after.repliedAt, after.bouncedAt, suppressed.length]).toEqual([null, null, 0]);
    if (want.mailbox) expect((await db.select().from(mailboxes).where(eq(mailboxes.id, mailbox.id)))[0].status).toBe(want.mailbox);
  });
});
