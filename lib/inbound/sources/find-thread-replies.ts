// Re-reads one thread in the provider just before a same-thread follow-up goes out, so a reply the periodic sync
// has not picked up yet still stops the send. Returns the thread's messages from others received after `after`.
import { z } from "zod";
import type { RawInbound } from "@/lib/inbound/inbound-message";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import { createGmailApiClient, OWN_LABELS, type GmailReadOptions } from "./gmail-api-client";
import { createGraphApiClient, graphQuery, type GraphReadOptions } from "./graph-api-client";
import { isIncomingRow, readGraphRows } from "./graph-source";

export type FindThreadRepliesArgs = { providerThreadId: string; after: Date } & (
  | ({ provider: "gmail" } & GmailReadOptions)
  | ({ provider: "outlook" } & GraphReadOptions)
);

const threadSchema = z.object({
  id: z.string(),
  messages: z
    .array(z.object({ id: z.string(), labelIds: z.array(z.string()).optional(), internalDate: z.string().optional() }))
    .optional(),
});

// A conversation the follow-up continues holds a handful of messages; this only bounds a runaway paging loop.
const MAX_GRAPH_PAGES = 20;

async function findGmailThreadReplies(options: GmailReadOptions, threadId: string, after: Date): Promise<RawInbound[]> {
  const gmail = createGmailApiClient(options);
  let thread: z.infer<typeof threadSchema>;
  try {
    thread = await gmail.get(`/threads/${encodeURIComponent(threadId)}?format=minimal`, threadSchema);
  } catch (error) {
    // The thread was deleted in the mailbox: nothing in it can be a reply.
    if (error instanceof MailProviderError && error.status === 404) return [];
    throw error;
  }
  const candidates = (thread.messages ?? []).filter(
    (m) => !(m.labelIds ?? []).some((l) => OWN_LABELS.has(l)) && Number(m.internalDate ?? 0) > after.getTime(),
  );
  const found = await Promise.all(candidates.map((m) => gmail.getRawInbound(m.id)));
  return found.filter((m): m is RawInbound => m !== null);
}

async function findGraphThreadReplies(options: GraphReadOptions, conversationId: string, after: Date): Promise<RawInbound[]> {
  const graph = createGraphApiClient(options);
  // Graph filters on conversationId alone; the time cut is applied here.
  const q = graphQuery({
    $filter: `conversationId eq '${conversationId.replace(/'/g, "''")}'`,
    $select: "id,conversationId,receivedDateTime,from,isDraft",
  });
  let link: string | undefined = `/messages?${q}`;
  const rows = [];
  for (let pages = 0; link && pages < MAX_GRAPH_PAGES; pages++) {
    const page = await graph.getPage(link);
    rows.push(
      ...page.value.filter((row) => isIncomingRow(row, options.ownAddress) && !!row.receivedDateTime && new Date(row.receivedDateTime).getTime() > after.getTime()),
    );
    link = page["@odata.nextLink"];
  }
  return readGraphRows(graph, rows);
}

export async function findThreadReplies(args: FindThreadRepliesArgs): Promise<RawInbound[]> {
  const { providerThreadId, after } = args;
  if (args.provider === "gmail") return findGmailThreadReplies(args, providerThreadId, after);
  return findGraphThreadReplies(args, providerThreadId, after);
}
