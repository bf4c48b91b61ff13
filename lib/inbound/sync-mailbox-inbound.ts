// Reads a mailbox's new mail and ingests it, from the cursor stored last time. One sync per mailbox at a time
// (cron, "Sync now" and the pre-send check all come here): a lease on the mailbox row, not a held transaction,
// because the work in between is network I/O. The cursor moves only after its batch is ingested, so a crash
// re-reads at most one batch, which ingest recognises.
import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { mailboxes, type Mailbox } from "@/db/schema/mailboxes";
import { engineNow } from "@/lib/jobs/clock";
import { teamScope } from "@/lib/teams/team-scope";
import { ingestRawMessage, type IngestResult } from "./ingest-inbound-message";
import { createInboundSource } from "./sources/create-inbound-source";
import type { InboundSource } from "./sources/inbound-source";

const LEASE_MS = 2 * 60_000;
const BATCH = 50;

export type SyncOutcome =
  | { status: "synced"; fetched: number; results: IngestResult[] }
  | { status: "busy" } // another sync holds the lease
  | { status: "no_inbox" } // this mailbox cannot be read (local outbox, Resend by webhook, SMTP without IMAP)
  | { status: "failed"; error: string };

async function takeLease(mailbox: Pick<Mailbox, "id" | "teamId">, now: Date): Promise<Mailbox | null> {
  const until = new Date(now.getTime() + LEASE_MS);
  return teamScope(mailbox.teamId, async (tx) => {
    const [row] = await tx
      .update(mailboxes)
      .set({ inboundSyncLeaseUntil: until })
      .where(and(eq(mailboxes.teamId, mailbox.teamId), eq(mailboxes.id, mailbox.id), or(isNull(mailboxes.inboundSyncLeaseUntil), lt(mailboxes.inboundSyncLeaseUntil, now))))
      .returning();
    return row ?? null;
  });
}

async function release(mailbox: Mailbox, patch: Partial<Mailbox>) {
  await teamScope(mailbox.teamId, (tx) =>
    tx.update(mailboxes).set({ ...patch, inboundSyncLeaseUntil: null }).where(and(eq(mailboxes.teamId, mailbox.teamId), eq(mailboxes.id, mailbox.id))),
  );
}

export async function syncMailboxInbound({
  teamId,
  mailboxId,
  now = engineNow(),
  source: givenSource,
  maxBatches = 20,
}: {
  teamId: string;
  mailboxId: string;
  now?: Date;
  /** Tests and callers that already hold a source; otherwise chosen from the mailbox's provider. */
  source?: InboundSource | null;
  maxBatches?: number;
}): Promise<SyncOutcome> {
  const mailbox = await takeLease({ id: mailboxId, teamId }, now);
  if (!mailbox) return { status: "busy" };
  let source: InboundSource | null = null;
  try {
    source = givenSource === undefined ? createInboundSource(mailbox) : givenSource;
    if (!source) {
      await release(mailbox, {});
      return { status: "no_inbox" };
    }
    let cursor = mailbox.inboundSyncCursor;
    const results: IngestResult[] = [];
    let fetched = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const page = await source.fetchNew({ cursor, since: mailbox.createdAt, limit: BATCH });
      fetched += page.messages.length;
      for (const inbound of page.messages) results.push(await ingestRawMessage({ teamId, mailboxId, inbound, now }));
      cursor = page.cursor;
      await teamScope(teamId, (tx) => tx.update(mailboxes).set({ inboundSyncCursor: cursor }).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId))));
      if (!page.more) break;
    }
    await release(mailbox, { lastSyncedAt: now, inboundSyncError: null });
    return { status: "synced", fetched, results };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await release(mailbox, { inboundSyncError: message.slice(0, 1000) });
    return { status: "failed", error: message };
  } finally {
    await source?.close?.().catch(() => undefined);
  }
}
