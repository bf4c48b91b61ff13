// What a message from a lead means for their sequences. A person's reply stops every enrolment at once, before
// the (slower) classifier runs; the intent then decides the rest: interested → tell the campaign's owner,
// "remove me" → suppress, wrong person → keep the referral for the inbox. An out-of-office pauses instead,
// until the day after the sender is back.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { campaigns } from "@/db/schema/campaigns";
import { emails, type Email } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { teams } from "@/db/schema/teams";
import { emailEvents } from "@/db/schema/tracking";
import type { ReplyClassification } from "@/lib/ai/classify-reply.schema";
import { classifyReply } from "@/lib/ai/classify-reply";
import { getLanguageModel } from "@/lib/ai/models";
import { classifyReplyWithRules } from "@/lib/ai/offline-writer/classify-reply-rules";
import { markLeadReplied } from "@/lib/campaigns/mark-lead-replied";
import { pauseEnrolmentsUntil } from "@/lib/campaigns/pause-enrolments-until";
import { notifyMembers, teamAdminIds } from "@/lib/notifications/create-notifications";
import { teamScope } from "@/lib/teams/team-scope";
import type { InboundMessage } from "./inbound-message";
import { suppressAndStopLead } from "./suppress-and-stop-lead";

const DAY_MS = 86_400_000;
// An out-of-office that names no date: look again in a week.
const DEFAULT_AWAY_DAYS = 7;

async function classify(message: InboundMessage, receivedAt: Date): Promise<{ result: ReplyClassification; source: "model" | "rules" }> {
  const input = { subject: message.subject, text: message.text, from: message.from?.address, receivedAt: receivedAt.toISOString() };
  const selected = getLanguageModel();
  if (selected.kind === "offline") return { result: classifyReplyWithRules(input), source: "rules" };
  try {
    return { result: await classifyReply(input, { model: selected }), source: "model" };
  } catch (error) {
    // The reply has already stopped the sequence; a model outage must not hold up the rest.
    console.error("[inbound] reply classifier failed; using the rules", error);
    return { result: classifyReplyWithRules(input), source: "rules" };
  }
}

/** The first moment the sequence may go on: the start of the day after the return date (UTC). */
export function resumeAfter(returnDate: string | null, receivedAt: Date): Date {
  if (!returnDate) return new Date(receivedAt.getTime() + DEFAULT_AWAY_DAYS * DAY_MS);
  const back = Date.parse(`${returnDate}T00:00:00Z`);
  return new Date(Math.max(back + DAY_MS, receivedAt.getTime()));
}

async function notifyInterested({ teamId, email, leadId }: { teamId: string; email: Email; leadId: string }) {
  const who = await teamScope(teamId, async (tx) => {
    const [lead] = await tx.select({ email: leads.email, firstName: leads.firstName, ownerUserId: leads.ownerUserId }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId)));
    const [campaign] = email.campaignId
      ? await tx.select({ name: campaigns.name, ownerUserId: campaigns.createdByUserId }).from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, email.campaignId)))
      : [];
    const [mailbox] = email.mailboxId ? await tx.select({ ownerUserId: mailboxes.ownerUserId }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, email.mailboxId))) : [];
    const [team] = await tx.select({ slug: teams.slug }).from(teams).where(eq(teams.id, teamId));
    return { lead, campaign, owner: campaign?.ownerUserId ?? lead?.ownerUserId ?? mailbox?.ownerUserId ?? null, slug: team?.slug ?? "" };
  });
  if (!who.lead) return;
  // Nobody owns the campaign, lead or mailbox: the team's owners and admins hear about it.
  const userIds = who.owner ? [who.owner] : await teamAdminIds({ teamId });
  const name = who.lead.firstName ? `${who.lead.firstName} (${who.lead.email})` : who.lead.email;
  await notifyMembers({
    teamId,
    userIds,
    notification: {
      kind: "reply.interested",
      title: `${name} is interested`,
      body: `${name} replied${who.campaign ? ` to "${who.campaign.name}"` : ""}: "${email.bodyText?.split("\n").find((l) => l.trim())?.slice(0, 200) ?? email.subject}"`,
      href: `/${who.slug}/inbox/${email.id}`,
      emailId: email.id,
      dedupeKey: `reply.interested:${email.id}`,
    },
    byEmail: true,
  });
}

export async function applyReply({
  teamId,
  email,
  message,
  automatic,
  outboundEmailId,
  now,
}: {
  teamId: string;
  email: Email;
  message: InboundMessage;
  /** An automatic answer (null for a person's reply); out-of-office as the ingest judged it from headers and words. */
  automatic: { outOfOffice: boolean } | null;
  outboundEmailId: string | null;
  now: Date;
}): Promise<string> {
  const leadId = email.leadId!;
  const receivedAt = email.receivedAt ?? now;
  const setIntent = (c: ReplyClassification, source: "model" | "rules") =>
    teamScope(teamId, (tx) =>
      tx.update(emails).set({ intent: c.intent, intentSource: source, returnDate: c.returnDate, referralEmail: c.referralEmail }).where(and(eq(emails.teamId, teamId), eq(emails.id, email.id))),
    );

  if (automatic) {
    const rules = classifyReplyWithRules({ subject: message.subject, text: message.text, from: message.from?.address, receivedAt: receivedAt.toISOString() });
    const outOfOffice = { ...rules, intent: "out_of_office" as const };
    const isAway = automatic.outOfOffice || rules.intent === "out_of_office";
    await setIntent(isAway ? outOfOffice : { ...rules, intent: "auto_reply", returnDate: null }, "rules");
    if (!isAway) return "ignored (automatic reply)";
    const until = resumeAfter(rules.returnDate, receivedAt);
    const { paused } = await pauseEnrolmentsUntil({ teamId, leadId, until, reason: `Out of office${rules.returnDate ? ` until ${rules.returnDate}` : ""}; resumes ${until.toISOString().slice(0, 10)}.` });
    return paused ? `paused until ${until.toISOString().slice(0, 10)}` : "out of office (nothing to pause)";
  }

  await markLeadReplied({ teamId, leadId, actorUserId: null, emailId: outboundEmailId, now });
  await teamScope(teamId, (tx) =>
    tx
      .insert(emailEvents)
      .values({ teamId, emailId: outboundEmailId, leadId, campaignId: email.campaignId, enrolmentId: email.enrolmentId, type: "reply", metadata: { inboundEmailId: email.id }, dedupeKey: `reply:${email.id}`, occurredAt: receivedAt })
      .onConflictDoNothing({ target: [emailEvents.teamId, emailEvents.dedupeKey] }),
  );
  const { result, source } = await classify(message, receivedAt);
  await setIntent(result, source);
  switch (result.intent) {
    case "interested":
    case "not_interested":
      await teamScope(teamId, (tx) =>
        tx.update(leads).set({ status: result.intent as "interested" | "not_interested" }).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId), inArray(leads.status, ["new", "contacted", "replied"]))),
      );
      if (result.intent === "interested") await notifyInterested({ teamId, email, leadId });
      return `stopped (${result.intent})`;
    case "unsubscribe_request": {
      const [lead] = await teamScope(teamId, (tx) => tx.select({ email: leads.email }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId))));
      if (lead) await suppressAndStopLead({ teamId, address: lead.email, reason: "unsubscribed", sourceEmailId: outboundEmailId, now });
      return "suppressed (asked to be removed)";
    }
    default:
      return `stopped (${result.intent})`;
  }
}
