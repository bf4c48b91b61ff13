import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { suppressions } from "@/db/schema/suppressions";
import { teams } from "@/db/schema/teams";
import { updateTeamSettingsSchema } from "@/lib/teams/update-team-settings.schema";
import { createSmtpMailbox } from "@/lib/mailboxes/create-smtp-mailbox";
import { updateMailboxSettings } from "@/lib/mailboxes/update-mailbox-settings";
import { mailboxSettingsSchema } from "@/lib/mailboxes/mailbox-settings.schema";
import { deliverEmail } from "@/lib/sending/deliver-email";
import { queueEmail } from "@/lib/sending/queue-email";
import { reserveSendSlot } from "@/lib/sending/reserve-send-slot";
import { createUserWithTeam } from "../support/factories";
import { startSmtpTestServer } from "../support/smtp-test-server";

let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
beforeAll(async () => {
  smtp = await startSmtpTestServer({ username: "rep", password: "pw" });
});
afterAll(() => smtp.close());

async function setup() {
  const { user, team } = await createUserWithTeam("sender");
  const mailbox = await createSmtpMailbox({
    teamId: team.id,
    actorUserId: user.id,
    input: { email: `rep-${team.id.slice(0, 6)}@acme.test`, displayName: "Rep", smtpHost: "127.0.0.1", smtpPort: smtp.port, smtpSecure: false, smtpUser: "rep", smtpPassword: "pw" },
  });
  await updateMailboxSettings({
    teamId: team.id,
    actorUserId: user.id,
    input: mailboxSettingsSchema.parse({ mailboxId: mailbox.id, dailyCap: "2", minIntervalSeconds: "60", jitterSeconds: "0", sendingDays: ["0", "1", "2", "3", "4", "5", "6"], sendingStart: "00:00", sendingEnd: "24:00", timezone: "UTC", warmupStartPerDay: "5", warmupDailyIncrement: "1", warmupTarget: "10" }),
  });
  const send = (to: string, extra: Record<string, unknown> = {}) =>
    queueEmail({ teamId: team.id, actorUserId: user.id, input: { mailboxId: mailbox.id, to, subject: "Hi {{first_name|there}}", html: '<p>See <a href="https://example.com/x">this</a></p>', text: null, trackOpens: true, trackClicks: true, ...extra } });
  return { user, team, mailbox, send };
}

describe("send pipeline", () => {
  it("queues, reserves a slot, sends once over SMTP and records the provider's id", async () => {
    const { team, send } = await setup();
    const before = smtp.received.length;
    const { email } = await send("grace@hopper.test");
    expect(email.status).toBe("queued");
    const { slot } = await reserveSendSlot({ teamId: team.id, emailId: email.id });
    expect(slot).toBeInstanceOf(Date);

    const outcome = await deliverEmail({ teamId: team.id, emailId: email.id });
    expect(outcome.status).toBe("sent");
    expect(smtp.received.length).toBe(before + 1);
    const message = smtp.received.at(-1)!;
    expect(message.parsed.subject).toBe("Hi there");
    expect(message.parsed.messageId).toBe(email.messageId);
    expect(String(message.parsed.html)).toMatch(/\/t\/c\//);

    // A retried step finds the email already sent and sends nothing.
    expect((await deliverEmail({ teamId: team.id, emailId: email.id })).status).toBe("already-done");
    expect(smtp.received.length).toBe(before + 1);
    const [row] = await (await getDb()).select().from(emails).where(eq(emails.id, email.id));
    expect(row).toMatchObject({ status: "sent", attemptCount: 1 });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("does not send after the lead unsubscribed between queueing and the slot", async () => {
    const { team, send } = await setup();
    const before = smtp.received.length;
    const { email } = await send("late@hopper.test");
    await (await getDb()).update(leads).set({ unsubscribedAt: new Date() }).where(eq(leads.id, email.leadId!));
    const outcome = await deliverEmail({ teamId: team.id, emailId: email.id });
    expect(outcome).toMatchObject({ status: "cancelled", reason: "The lead unsubscribed." });
    expect(smtp.received.length).toBe(before);
  });

  it("never resends over SMTP after a crash between handing over and recording", async () => {
    const { team, send } = await setup();
    const before = smtp.received.length;
    const { email } = await send("crash@hopper.test");
    // The state a crash leaves: claimed (sending), result never recorded.
    await (await getDb()).update(emails).set({ status: "sending" }).where(eq(emails.id, email.id));
    const outcome = await deliverEmail({ teamId: team.id, emailId: email.id });
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toMatch(/uncertain/);
    expect(smtp.received.length).toBe(before);
  });

  it("returns the same email for a repeated idempotency key, and refuses suppressed addresses", async () => {
    const { send } = await setup();
    const first = await send("idem@hopper.test", { idempotencyKey: "request-12345" });
    const again = await send("idem@hopper.test", { idempotencyKey: "request-12345" });
    expect(again.email.id).toBe(first.email.id);
    expect(again.created).toBe(false);

    await (await getDb()).insert(suppressions).values({ teamId: first.email.teamId, kind: "domain", value: "blocked.test", reason: "manual" });
    await expect(send("anyone@blocked.test")).rejects.toMatchObject({ code: "conflict", fields: { to: ["On the suppression list."] } });
  });

  it("builds tracking and unsubscribe links on the team's custom tracking domain", async () => {
    const { team, send } = await setup();
    const settings = updateTeamSettingsSchema.parse({ name: "Acme", postalAddress: "1 Main St", trackingDomain: "Track.Acme.test" });
    expect(settings.trackingDomain).toBe("track.acme.test");
    expect(updateTeamSettingsSchema.safeParse({ name: "Acme", postalAddress: "", trackingDomain: "https://evil.example/x" }).success).toBe(false);
    await (await getDb()).update(teams).set({ trackingDomain: settings.trackingDomain }).where(eq(teams.id, team.id));
    const { email } = await send("domain@hopper.test");
    expect((await deliverEmail({ teamId: team.id, emailId: email.id })).status).toBe("sent");
    const message = smtp.received.at(-1)!;
    const html = String(message.parsed.html);
    expect(html).toMatch(/href="https:\/\/track\.acme\.test\/t\/c\//);
    expect(html).toMatch(/src="https:\/\/track\.acme\.test\/t\/o\//);
    expect(message.raw.toString()).toMatch(/^List-Unsubscribe:\s+<https:\/\/track\.acme\.test\/u\//m);
  });

  it("spaces the second send and holds the daily cap", async () => {
    const { team, send } = await setup();
    const a = (await send("a@hopper.test")).email;
    const b = (await send("b@hopper.test")).email;
    const c = (await send("c@hopper.test")).email;
    const now = new Date();
    const sa = (await reserveSendSlot({ teamId: team.id, emailId: a.id, now })).slot!;
    const sb = (await reserveSendSlot({ teamId: team.id, emailId: b.id, now })).slot!;
    const sc = (await reserveSendSlot({ teamId: team.id, emailId: c.id, now })).slot!;
    expect(sb.getTime() - sa.getTime()).toBeGreaterThanOrEqual(60_000);
    expect(sc.getTime() - sa.getTime()).toBeGreaterThan(86_400_000); // cap 2 per rolling 24 h
  });
});
