// Mailbox health: hard-bounce and complaint rates over the rolling window, judged only past a minimum sample;
// over the pause limit the mailbox stops sending and its owners are told why; resuming is the user's call.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { mailboxes } from "@/db/schema/mailboxes";
import { notifications } from "@/db/schema/notifications";
import { checkMailboxHealth } from "@/lib/mailboxes/check-mailbox-health";
import { resumeMailbox } from "@/lib/mailboxes/resume-mailbox";
import { createUserWithTeam } from "../support/factories";

const now = new Date();

/** `sent` emails sent over the last days, the first `bounced` of them hard-bounced, the next `complained` reported. */
async function mailboxWithHistory({ sent, bounced = 0, complained = 0, daysAgo = 3 }: { sent: number; bounced?: number; complained?: number; daysAgo?: number }) {
  const db = await getDb();
  const { user, team } = await createUserWithTeam("health");
  const [mailbox] = await db.insert(mailboxes).values({ teamId: team.id, provider: "local", email: `rep-${randomUUID().slice(0, 8)}@acme.test` }).returning();
  const sentAt = new Date(now.getTime() - daysAgo * 86_400_000);
  const rows = Array.from({ length: sent }, (_, i) => ({
    teamId: team.id,
    direction: "outbound" as const,
    status: "sent" as const,
    mailboxId: mailbox.id,
    fromAddress: mailbox.email,
    toAddresses: [`lead${i}@example.org`],
    sentAt,
    bouncedAt: i < bounced ? now : null,
    complainedAt: i >= bounced && i < bounced + complained ? now : null,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(emails).values(rows.slice(i, i + 500));
  return { user, team, mailbox };
}

async function mailboxRow(id: string) {
  const db = await getDb();
  return (await db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0];
}

async function notesFor(teamId: string, kind: string) {
  const db = await getDb();
  return db.select().from(notifications).where(and(eq(notifications.teamId, teamId), eq(notifications.kind, kind)));
}

describe("mailbox health", () => {
  it("pauses a mailbox over 3% hard bounces, tells its owners why, and resumes when the user says so", async () => {
    const f = await mailboxWithHistory({ sent: 60, bounced: 2 });
    const health = await checkMailboxHealth({ teamId: f.team.id, mailboxId: f.mailbox.id, now });
    expect(health).toMatchObject({ sent: 60, bounces: 2, state: "pause" });
    const paused = await mailboxRow(f.mailbox.id);
    expect(paused.status).toBe("paused");
    expect(paused.statusReason).toContain("3.3% of the last 14 days' 60 emails hard-bounced");
    expect(await notesFor(f.team.id, "mailbox.paused")).toMatchObject([{ userId: f.user.id, title: `${f.mailbox.email} was paused` }]);

    // A second check the same day pauses nothing more and notifies nobody again.
    await checkMailboxHealth({ teamId: f.team.id, mailboxId: f.mailbox.id, now });
    expect(await notesFor(f.team.id, "mailbox.paused")).toHaveLength(1);

    await resumeMailbox({ teamId: f.team.id, mailboxId: f.mailbox.id, actorUserId: f.user.id });
    expect(await mailboxRow(f.mailbox.id)).toMatchObject({ status: "active", statusReason: null });
    await expect(resumeMailbox({ teamId: f.team.id, mailboxId: f.mailbox.id, actorUserId: f.user.id })).rejects.toThrow(/not paused/);
  });

  it("judges nothing below the minimum sample, and counts only the rolling window", async () => {
    const few = await mailboxWithHistory({ sent: 40, bounced: 5 });
    expect(await checkMailboxHealth({ teamId: few.team.id, mailboxId: few.mailbox.id, now })).toMatchObject({ state: "too_few_sends" });
    expect((await mailboxRow(few.mailbox.id)).status).toBe("active");

    const old = await mailboxWithHistory({ sent: 60, bounced: 10, daysAgo: 20 });
    expect(await checkMailboxHealth({ teamId: old.team.id, mailboxId: old.mailbox.id, now })).toMatchObject({ sent: 0, bounces: 0 });
    expect((await mailboxRow(old.mailbox.id)).status).toBe("active");
  });

  it("warns at 0.1% spam complaints and pauses at 0.3%", async () => {
    const warn = await mailboxWithHistory({ sent: 500, complained: 1 });
    expect(await checkMailboxHealth({ teamId: warn.team.id, mailboxId: warn.mailbox.id, now })).toMatchObject({ state: "warning", complaints: 1 });
    expect((await mailboxRow(warn.mailbox.id)).status).toBe("active");
    expect(await notesFor(warn.team.id, "mailbox.warning")).toHaveLength(1);

    const pause = await mailboxWithHistory({ sent: 500, complained: 2 });
    expect(await checkMailboxHealth({ teamId: pause.team.id, mailboxId: pause.mailbox.id, now })).toMatchObject({ state: "pause" });
    expect((await mailboxRow(pause.mailbox.id)).statusReason).toContain("reported as spam");
  });
});
