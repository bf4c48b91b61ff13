// Just before a follow-up leaves, look in the inbox once more: a reply that arrived seconds ago must still stop
// it. Gmail and Graph re-read the thread itself; IMAP mailboxes run their incremental sync. Whatever is found goes
// through ingest, which marks the lead replied, so the send claim that follows refuses the email.
// The outcome is one of the checks in the email's "why it was sent" record.
import "server-only";
import { and, eq } from "drizzle-orm";
import { emails, type SendCheck } from "@/db/schema/emails";
import { mailboxes } from "@/db/schema/mailboxes";
import { gmailProviderOptions, graphProviderOptions } from "@/lib/email/providers/create-mail-provider";
import { decryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { engineNow } from "@/lib/jobs/clock";
import { teamScope } from "@/lib/teams/team-scope";
import { ingestRawMessage } from "./ingest-inbound-message";
import { storeRefreshedCredentials } from "./sources/create-inbound-source";
import { findThreadReplies } from "./sources/find-thread-replies";
import { syncMailboxInbound } from "./sync-mailbox-inbound";

const NAME = "Inbox re-read for replies just before sending";
// Another sync holding the mailbox's lease is reading the same inbox: wait for it rather than skip.
const BUSY_WAIT_MS = 250;
const BUSY_TRIES = 40;

export async function checkRepliesBeforeSend({ teamId, emailId, now = engineNow() }: { teamId: string; emailId: string; now?: Date }): Promise<SendCheck | null> {
  const found = await teamScope(teamId, async (tx) => {
    const [row] = await tx
      .select({ email: emails, mailbox: mailboxes })
      .from(emails)
      .innerJoin(mailboxes, and(eq(mailboxes.id, emails.mailboxId), eq(mailboxes.teamId, teamId)))
      .where(and(eq(emails.teamId, teamId), eq(emails.id, emailId)));
    return row ?? null;
  });
  // Only sequence follow-ups: a first step or a one-off email has no earlier message to be answered.
  if (!found || found.email.status !== "queued" || !found.email.enrolmentId || !found.email.stepPosition) return null;
  const { email, mailbox } = found;
  if (mailbox.provider === "local" || mailbox.provider === "resend") return null; // no inbox to read / arrives by webhook
  try {
    if ((mailbox.provider === "gmail" || mailbox.provider === "outlook") && email.providerThreadId && mailbox.credentialsCiphertext) {
      const credentials = decryptMailboxCredentials({ mailboxId: mailbox.id, ciphertext: mailbox.credentialsCiphertext });
      if (credentials.provider !== mailbox.provider) return { name: NAME, passed: true, detail: "Skipped: the mailbox's credentials do not match its provider." };
      const onCredentialsRefreshed = storeRefreshedCredentials(mailbox);
      // Every message from others in the thread: ingest already knows the old ones and skips them.
      const common = { providerThreadId: email.providerThreadId, after: new Date(0), ownAddress: mailbox.email };
      const replies =
        credentials.provider === "gmail"
          ? await findThreadReplies({ provider: "gmail", ...gmailProviderOptions({ credentials, onCredentialsRefreshed }), ...common })
          : await findThreadReplies({ provider: "outlook", ...graphProviderOptions({ credentials, onCredentialsRefreshed }), ...common });
      for (const inbound of replies) await ingestRawMessage({ teamId, mailboxId: mailbox.id, inbound, now });
      return { name: NAME, passed: true, detail: `Re-read the ${mailbox.provider === "gmail" ? "Gmail" : "Outlook"} thread: ${replies.length} message(s) from others.` };
    }
    for (let i = 0; i < BUSY_TRIES; i++) {
      const outcome = await syncMailboxInbound({ teamId, mailboxId: mailbox.id, now });
      if (outcome.status === "no_inbox") return null;
      if (outcome.status === "synced") return { name: NAME, passed: true, detail: `Synced the inbox: ${outcome.fetched} new message(s).` };
      if (outcome.status === "failed") throw new Error(outcome.error);
      await new Promise((r) => setTimeout(r, BUSY_WAIT_MS));
    }
    return { name: NAME, passed: true, detail: "Skipped: another sync kept the inbox busy; the last sync's replies were checked." };
  } catch (error) {
    // An unreachable inbox does not hold every follow-up hostage: replies already synced are still checked.
    const message = error instanceof Error ? error.message : String(error);
    console.error("[inbound] pre-send inbox check failed", { teamId, emailId, message });
    return { name: NAME, passed: true, detail: `Could not read the inbox (${message.slice(0, 200)}); replies synced earlier were still checked.` };
  }
}
