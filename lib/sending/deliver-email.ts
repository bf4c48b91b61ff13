// Step 2 of the send function: claim → build → send → record, so that no retry or crash ever sends twice.
// The window between the provider accepting and our row saying `sent` is covered by the `sending` state:
// a retry that finds the row in `sending` asks the provider (findSent) or relies on its idempotency instead
// of sending blind; where neither exists (SMTP) it records the email as uncertain and never resends.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq } from "drizzle-orm";
import { emails, type Email } from "@/db/schema/emails";
import { mailboxes, type Mailbox } from "@/db/schema/mailboxes";
import { teams } from "@/db/schema/teams";
import { buildOutboundMessage } from "@/lib/email/mime/build-outbound-message";
import { createMailProvider } from "@/lib/email/providers/create-mail-provider";
import { MailProviderError, type MailProvider, type SendResult } from "@/lib/email/providers/mail-provider";
import { decryptMailboxCredentials, encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { teamScope } from "@/lib/teams/team-scope";
import { checkRepliesBeforeSend } from "@/lib/inbound/check-replies-before-send";
import { claimForSending } from "./claim-for-sending";

export type DeliveryOutcome = { status: "sent" | "cancelled" | "failed" | "already-done"; reason?: string; providerMessageId?: string };

function providerFor(mailbox: Mailbox): MailProvider {
  const credentials = mailbox.credentialsCiphertext ? decryptMailboxCredentials({ mailboxId: mailbox.id, ciphertext: mailbox.credentialsCiphertext }) : null;
  return createMailProvider({
    teamId: mailbox.teamId,
    provider: mailbox.provider,
    credentials,
    onCredentialsRefreshed: async (fresh) => {
      const sealed = encryptMailboxCredentials({ mailboxId: mailbox.id, credentials: fresh });
      await teamScope(mailbox.teamId, (tx) => tx.update(mailboxes).set(sealed).where(and(eq(mailboxes.teamId, mailbox.teamId), eq(mailboxes.id, mailbox.id))));
    },
  });
}

async function build(email: Email) {
  return teamScope(email.teamId, async (tx) => {
    const [team] = await tx.select({ postalAddress: teams.postalAddress, trackingDomain: teams.trackingDomain }).from(teams).where(eq(teams.id, email.teamId));
    return buildOutboundMessage({
      tx,
      teamId: email.teamId,
      emailId: email.id,
      kind: email.campaignId ? "campaign" : "one-off",
      content: { subject: email.subject, html: email.bodyHtml ?? "", text: email.bodyText },
      from: { address: email.fromAddress, name: email.fromName },
      to: email.toAddresses,
      cc: email.ccAddresses,
      messageId: email.messageId!,
      inReplyTo: email.inReplyTo,
      references: email.referencesHeader?.split(/\s+/).filter(Boolean),
      postalAddress: team.postalAddress,
      tracking: { opens: email.trackOpens, clicks: email.trackClicks },
      date: email.createdAt, // fixed, so every attempt builds the same bytes
      baseUrl: team.trackingDomain ? `https://${team.trackingDomain}` : undefined,
    });
  });
}

async function record(email: Email, patch: Partial<Email>) {
  await teamScope(email.teamId, (tx) => tx.update(emails).set(patch).where(and(eq(emails.teamId, email.teamId), eq(emails.id, email.id))));
}

export async function deliverEmail({ teamId, emailId, now = engineNow() }: { teamId: string; emailId: string; now?: Date }): Promise<DeliveryOutcome> {
  const inboxCheck = await checkRepliesBeforeSend({ teamId, emailId, now });
  const claim = await teamScope(teamId, (tx) => claimForSending(tx, { teamId, emailId, extraChecks: inboxCheck ? [inboxCheck] : [] }));
  if (claim.kind === "done") return { status: claim.email.status === "cancelled" ? "cancelled" : "already-done", reason: claim.reason };
  const email = claim.email;
  const mailbox = await teamScope(teamId, async (tx) => (await tx.select().from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, email.mailboxId!))))[0]);
  const provider = providerFor(mailbox);
  const message = await build(email);

  let result: SendResult | null = null;
  if (claim.kind === "recover") {
    if (provider.findSent) result = await provider.findSent(email.messageId!);
    else if (provider.name !== "resend") {
      // SMTP cannot be asked what it accepted: sending again could deliver a second copy. Say so instead.
      const reason = "Delivery is uncertain: the app stopped while handing this email to the SMTP server. It was not resent, to avoid a duplicate.";
      await record(email, { status: "failed", statusReason: reason });
      return { status: "failed", reason };
    }
  }
  try {
    // Resend dedupes on the idempotency key, so a recovering Resend send is safe to repeat.
    result ??= await provider.send({ message, idempotencyKey: email.idempotencyKey ?? email.id, threadId: email.providerThreadId });
  } catch (error) {
    if (!(error instanceof MailProviderError)) throw error; // unknown: the row stays `sending`; the retry recovers
    if (error.kind === "permanent") {
      await record(email, { status: "failed", statusReason: error.providerMessage });
      return { status: "failed", reason: error.providerMessage };
    }
    // The provider said no (rate limit, outage, expired credentials): nothing left, so the email is queued again.
    await record(email, { status: "queued", statusReason: error.providerMessage });
    if (error.kind === "auth_failed") {
      await teamScope(teamId, (tx) =>
        tx.update(mailboxes).set({ status: "disconnected", statusReason: `The provider refused our credentials (${error.providerMessage}). Reconnect the mailbox; its queued emails will wait.` }).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailbox.id))),
      );
    }
    throw error;
  }
  await record(email, {
    status: "sent",
    statusReason: null,
    sentAt: now,
    providerMessageId: result.providerMessageId,
    providerThreadId: result.providerThreadId ?? email.providerThreadId,
    ...(result.internetMessageId ? { messageId: result.internetMessageId } : {}),
  });
  return { status: "sent", providerMessageId: result.providerMessageId };
}
