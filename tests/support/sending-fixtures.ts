// Real rows for sending and tracking tests: a team with a postal address, a lead enrolled in campaigns,
// a local mailbox and one outbound email already sent to the lead.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { emails, type NewEmail } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { teams } from "@/db/schema/teams";
import { newMessageId } from "@/lib/email/mime/message-id";
import { createUserWithTeam } from "./factories";

export const POSTAL_ADDRESS = "Acme Robotics Inc.\n500 Market Street, Suite 2\nSan Francisco, CA 94105";

export async function createSendingFixture({
  postalAddress = POSTAL_ADDRESS,
  leadEmail,
  sentSecondsAgo = 3600,
}: { postalAddress?: string | null; leadEmail?: string; sentSecondsAgo?: number } = {}) {
  const db = await getDb();
  const { user, team } = await createUserWithTeam("sender");
  await db.update(teams).set({ postalAddress }).where(eq(teams.id, team.id));
  const hex = randomBytes(4).toString("hex");
  const [lead] = await db
    .insert(leads)
    .values({ teamId: team.id, email: leadEmail ?? `grace-${hex}@example.org`, firstName: "Grace", lastName: "Hopper", company: "Hopper Labs" })
    .returning();
  const [mailbox] = await db.insert(mailboxes).values({ teamId: team.id, provider: "local", email: `rep-${hex}@acme.test`, displayName: "Rita Rep" }).returning();
  const [active, paused, finished] = await db
    .insert(campaigns)
    .values(["Q3 outreach", "Webinar follow-up", "Old campaign"].map((name) => ({ teamId: team.id, name })))
    .returning();
  const enrolments = await db
    .insert(campaignEnrolments)
    .values([
      { teamId: team.id, campaignId: active.id, leadId: lead.id, status: "active" as const, nextStepAt: new Date(Date.now() + 86_400_000) },
      { teamId: team.id, campaignId: paused.id, leadId: lead.id, status: "paused" as const },
      { teamId: team.id, campaignId: finished.id, leadId: lead.id, status: "completed" as const },
    ])
    .returning();
  const email = await createOutboundEmail({
    teamId: team.id,
    leadId: lead.id,
    to: lead.email,
    mailbox,
    campaignId: active.id,
    enrolmentId: enrolments[0].id,
    sentAt: new Date(Date.now() - sentSecondsAgo * 1000),
  });
  return { user, team: { ...team, postalAddress }, lead, mailbox, campaigns: { active, paused, finished }, enrolments, email };
}

export async function createOutboundEmail({
  teamId,
  leadId,
  to,
  mailbox,
  campaignId = null,
  enrolmentId = null,
  stepPosition = 0,
  sentAt = null,
  extra = {},
}: {
  teamId: string;
  leadId: string | null;
  to: string;
  mailbox: { id: string; email: string };
  campaignId?: string | null;
  enrolmentId?: string | null;
  stepPosition?: number;
  sentAt?: Date | null;
  extra?: Partial<NewEmail>;
}) {
  const db = await getDb();
  const [email] = await db
    .insert(emails)
    .values({
      teamId,
      direction: "outbound",
      leadId,
      campaignId,
      enrolmentId,
      stepPosition: enrolmentId ? stepPosition : null,
      mailboxId: mailbox.id,
      fromAddress: mailbox.email,
      toAddresses: [to],
      subject: "Quick question",
      bodyHtml: "<p>Hi</p>",
      messageId: newMessageId(mailbox.email),
      status: sentAt ? "sent" : "queued",
      sentAt,
      ...extra,
    })
    .returning();
  return email;
}
