// Reads an Outlook mailbox's new inbox mail through Graph's delta query on the Inbox folder. The cursor is the
// link Graph gave us last: the round's @odata.deltaLink, or an @odata.nextLink when a batch stopped at `limit`.
import type { RawInbound } from "@/lib/inbound/inbound-message";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import { isOwnAddress } from "./is-own-address";
import { createGraphApiClient, graphQuery, type GraphApiClient, type GraphMessageRow, type GraphReadOptions } from "./graph-api-client";
import type { FetchNewResult, InboundSource } from "./inbound-source";

// Graph keeps delta state for a limited time (410 Gone after); then we re-read, never further back than this.
const EXPIRED_FALLBACK_MS = 7 * 24 * 60 * 60 * 1000;
const FETCH_CONCURRENCY = 5;

/** Graph's DateTimeOffset literal, whole seconds (the filter is `ge`, so rounding down only re-reads a second). */
export function graphDateLiteral(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The first request of a delta round. Delta accepts only a receivedDateTime ge/gt filter; changeType=created
 * keeps read-flag and move updates out of later rounds. Graph encodes all of it into the links it returns.
 */
export function initialDeltaPath(since: Date): string {
  const q = graphQuery({
    $select: "id,conversationId,receivedDateTime,from,isDraft",
    $filter: `receivedDateTime ge ${graphDateLiteral(since)}`,
    changeType: "created",
  });
  return `/mailFolders('inbox')/messages/delta?${q}`;
}

/** A row we should read: not a removal, not a draft, not from our own address. */
export function isIncomingRow(row: GraphMessageRow, ownAddress: string): boolean {
  if (row["@removed"] || row.isDraft) return false;
  return !isOwnAddress(row.from?.emailAddress?.address, ownAddress);
}

export async function readGraphRows(graph: GraphApiClient, rows: GraphMessageRow[]): Promise<RawInbound[]> {
  const out: RawInbound[] = [];
  for (let i = 0; i < rows.length; i += FETCH_CONCURRENCY) {
    const chunk = rows.slice(i, i + FETCH_CONCURRENCY);
    const raws = await Promise.all(chunk.map((row) => graph.getMime(row.id)));
    chunk.forEach((row, j) => {
      const raw = raws[j];
      if (!raw) return;
      const received = row.receivedDateTime ? new Date(row.receivedDateTime) : null;
      out.push({
        providerMessageId: row.id,
        providerThreadId: row.conversationId ?? null,
        raw,
        receivedAt: received && !Number.isNaN(received.getTime()) ? received : null,
      });
    });
  }
  return out;
}

export function createGraphSource(options: GraphReadOptions): InboundSource {
  const graph = createGraphApiClient(options);
  const now = options.now ?? Date.now;

  return {
    async fetchNew({ cursor, since, limit }): Promise<FetchNewResult> {
      const pageSize = Math.max(1, Math.min(limit, 1000));
      let link = cursor ?? initialDeltaPath(since);
      let restarted = false;
      const rows: GraphMessageRow[] = [];
      // A page is taken whole even when it holds more than `limit` rows: a nextLink cannot resume mid-page.
      for (;;) {
        let page;
        try {
          page = await graph.getPage(link, pageSize);
        } catch (error) {
          // 410 Gone: the delta state behind a stored link expired. Start a new round from the recent past.
          if (!(error instanceof MailProviderError && error.status === 410) || restarted) throw error;
          restarted = true;
          link = initialDeltaPath(new Date(Math.max(since.getTime(), now() - EXPIRED_FALLBACK_MS)));
          continue;
        }
        rows.push(...page.value.filter((row) => isIncomingRow(row, options.ownAddress)));
        const next = page["@odata.nextLink"];
        if (next) {
          link = next;
          if (rows.length >= limit) return { messages: await readGraphRows(graph, rows), cursor: link, more: true };
          continue;
        }
        const delta = page["@odata.deltaLink"];
        if (!delta) throw new MailProviderError("transient", "outlook", "A delta page carried neither @odata.nextLink nor @odata.deltaLink.");
        return { messages: await readGraphRows(graph, rows), cursor: delta, more: false };
      }
    },
  };
}
