// Inbound sync of one mailbox ("Sync now", the cron below, a campaign's pre-send check): thin over
// lib/inbound/sync-mailbox-inbound.ts. One at a time per mailbox; the lease in lib makes overlap harmless anyway.
import { syncMailboxInbound } from "@/lib/inbound/sync-mailbox-inbound";
import { listSyncableMailboxes } from "@/lib/inbound/list-syncable-mailboxes";
import { inngest } from "../client";
import { mailboxSyncRequested, sendEvents } from "../events";

export const syncMailbox = inngest.createFunction(
  { id: "sync-mailbox", name: "Sync a mailbox's replies", retries: 2, concurrency: [{ limit: 1, key: "event.data.mailboxId" }], triggers: [{ event: mailboxSyncRequested }] },
  async ({ event, step }) => {
    const { teamId, mailboxId } = event.data;
    return step.run("sync-inbox", async () => {
      const outcome = await syncMailboxInbound({ teamId, mailboxId });
      if (outcome.status === "failed") throw new Error(outcome.error);
      // The step's output is the run's record on the jobs page: counts, not message bodies.
      if (outcome.status !== "synced") return { status: outcome.status };
      const byKind: Record<string, number> = {};
      for (const r of outcome.results) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      return { status: outcome.status, fetched: outcome.fetched, byKind, actions: outcome.results.filter((r) => r.action !== "none").map((r) => r.action) };
    });
  },
);

export const syncMailboxes = inngest.createFunction(
  { id: "sync-mailboxes", name: "Sync every mailbox's replies", retries: 1, singleton: { mode: "skip" }, triggers: [{ cron: "*/2 * * * *" }] },
  async ({ step }) => {
    const list = await step.run("list-mailboxes", () => listSyncableMailboxes());
    const minute = Math.floor(Date.now() / 120_000);
    await step.run("request-syncs", () => sendEvents("mailbox/sync.requested", list.map((m) => ({ data: m, id: `sync-${m.mailboxId}-${minute}` }))));
    return { mailboxes: list.length };
  },
);
