// "Process each delivery once": a Svix message id seen before is acknowledged without running again. The
// receipt is written only after the event was processed, so a crash part-way lets Resend's retry finish it.
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookReceipts } from "@/db/schema/notifications";

const PROVIDER = "resend";

// Keyed per mailbox as well: Resend sends one event (one svix-id) to every webhook of an account, and two
// mailboxes on one account each need to see it.
const keyOf = ({ mailboxId, svixId }: { mailboxId: string; svixId: string }) => `${mailboxId}:${svixId}`;

export async function hasWebhookReceipt(ids: { mailboxId: string; svixId: string }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ at: webhookReceipts.receivedAt })
    .from(webhookReceipts)
    .where(and(eq(webhookReceipts.provider, PROVIDER), eq(webhookReceipts.messageId, keyOf(ids))))
    .limit(1);
  return !!row;
}

export async function recordWebhookReceipt(ids: { mailboxId: string; svixId: string }): Promise<void> {
  const db = await getDb();
  await db.insert(webhookReceipts).values({ provider: PROVIDER, messageId: keyOf(ids) }).onConflictDoNothing();
}
