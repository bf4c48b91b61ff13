// The Inbox page's URL (?view=&intent=&campaign=&mailbox=&page=) → a filter. A stale or hand-edited value is
// dropped rather than failing the page, so an old link still lists replies.
import { z } from "zod";
import { REPLY_INTENTS } from "@/db/schema/emails";

export const INBOX_VIEWS = ["all", "unread", "snoozed"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const inboxFilterSchema = z.object({
  view: z.enum(INBOX_VIEWS).catch("all").default("all"),
  intent: z.enum(REPLY_INTENTS).optional().catch(undefined),
  campaignId: z.uuid().optional().catch(undefined),
  mailboxId: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export function parseInboxSearchParams(params: SearchParams): InboxFilter {
  return inboxFilterSchema.parse({
    view: first(params.view),
    intent: first(params.intent),
    campaignId: first(params.campaign),
    mailboxId: first(params.mailbox),
    page: first(params.page),
  });
}

/** The query string for a filter (page 1 unless given), so pager links keep the current view. */
export function inboxSearchQuery(filter: Partial<InboxFilter>, page?: number): string {
  const p = new URLSearchParams();
  if (filter.view && filter.view !== "all") p.set("view", filter.view);
  if (filter.intent) p.set("intent", filter.intent);
  if (filter.campaignId) p.set("campaign", filter.campaignId);
  if (filter.mailboxId) p.set("mailbox", filter.mailboxId);
  if (page && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
