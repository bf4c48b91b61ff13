// Reads a Gmail mailbox's new inbox mail. The first sync lists the inbox since the mailbox was connected; every
// later one follows users.history from the historyId stored as the cursor. The cursor also carries paging state
// and ids already found but not yet returned, so a batch cut at `limit` resumes where it stopped.
import { z } from "zod";
import type { RawInbound } from "@/lib/inbound/inbound-message";
import { createGmailApiClient, OWN_LABELS, type GmailApiClient, type GmailReadOptions } from "./gmail-api-client";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import type { FetchNewResult, InboundSource } from "./inbound-source";

// Google keeps history for "at least a week"; past that we re-list, but never further back than this.
const HISTORY_FALLBACK_MS = 7 * 24 * 60 * 60 * 1000;
const FETCH_CONCURRENCY = 5;

const cursorSchema = z.object({
  /** Where history.list starts; while `list` is set, where it will start once the listing is done. */
  historyId: z.string().regex(/^\d+$/),
  historyPageToken: z.string().optional(),
  /** A first-sync listing still under way: its `after:` bound (epoch seconds) and next page. */
  list: z.object({ after: z.number().int(), pageToken: z.string().optional() }).optional(),
  /** Message ids found before the position above but not yet returned. */
  pending: z.array(z.string()).default([]),
});
type GmailCursor = z.infer<typeof cursorSchema>;

const profileSchema = z.object({ historyId: z.string() });
const idRefSchema = z.object({ id: z.string(), threadId: z.string().optional(), labelIds: z.array(z.string()).optional() });
const listSchema = z.object({ messages: z.array(idRefSchema).optional(), nextPageToken: z.string().optional() });
const historySchema = z.object({
  history: z.array(z.object({ id: z.string(), messagesAdded: z.array(z.object({ message: idRefSchema })).optional() })).optional(),
  nextPageToken: z.string().optional(),
  historyId: z.string(),
});

/** A stored cursor, or null when it cannot be read (then the mailbox re-lists, as after lost history). */
function readCursor(cursor: string): GmailCursor | null {
  // A bare historyId is accepted too: the simplest thing an operator could store by hand.
  if (/^\d+$/.test(cursor)) return { historyId: cursor, pending: [] };
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function mapLimited<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

export function createGmailSource(options: GmailReadOptions): InboundSource {
  const gmail: GmailApiClient = createGmailApiClient(options);
  const now = options.now ?? Date.now;

  // The profile's historyId is read before listing, so mail arriving during the listing is picked up by history
  // (perhaps twice; ingest is keyed on the provider's message id) rather than falling into a gap.
  async function startListing(since: Date): Promise<GmailCursor> {
    const profile = await gmail.get("/profile", profileSchema);
    return { historyId: profile.historyId, list: { after: Math.floor(since.getTime() / 1000) }, pending: [] };
  }

  async function readListPage(state: GmailCursor, list: NonNullable<GmailCursor["list"]>, max: number): Promise<{ ids: string[]; next: GmailCursor }> {
    const q = new URLSearchParams({ q: `after:${list.after} -from:me in:inbox`, maxResults: String(max) });
    if (list.pageToken) q.set("pageToken", list.pageToken);
    const page = await gmail.get(`/messages?${q}`, listSchema);
    const ids = (page.messages ?? []).map((m) => m.id);
    return { ids, next: { ...state, list: page.nextPageToken ? { after: list.after, pageToken: page.nextPageToken } : undefined } };
  }

  async function readHistoryPage(state: GmailCursor, max: number): Promise<{ ids: string[]; next: GmailCursor; caughtUp: boolean }> {
    const q = new URLSearchParams({ startHistoryId: state.historyId, historyTypes: "messageAdded", labelId: "INBOX", maxResults: String(max) });
    if (state.historyPageToken) q.set("pageToken", state.historyPageToken);
    const page = await gmail.get(`/history?${q}`, historySchema);
    const ids = (page.history ?? [])
      .flatMap((h) => h.messagesAdded ?? [])
      .filter((added) => !(added.message.labelIds ?? []).some((l) => OWN_LABELS.has(l)))
      .map((added) => added.message.id);
    if (page.nextPageToken) return { ids, next: { ...state, historyPageToken: page.nextPageToken }, caughtUp: false };
    // No next page: Google's answer for "nothing more", and its historyId is where the next round starts.
    return { ids, next: { historyId: page.historyId, pending: [] }, caughtUp: true };
  }

  return {
    async fetchNew({ cursor, since, limit }): Promise<FetchNewResult> {
      const max = Math.max(1, Math.min(limit, 500));
      let state = (cursor ? readCursor(cursor) : null) ?? (await startListing(cursor ? new Date(Math.max(since.getTime(), now() - HISTORY_FALLBACK_MS)) : since));
      const found: string[] = [...state.pending];
      let caughtUp = false;
      let relisted = false;
      while (found.length < max && !caughtUp) {
        if (state.list) {
          const page = await readListPage(state, state.list, max);
          found.push(...page.ids);
          state = page.next;
          continue;
        }
        try {
          const page = await readHistoryPage(state, max);
          found.push(...page.ids);
          state = page.next;
          caughtUp = page.caughtUp;
        } catch (error) {
          // Once per call: a second 404 on a historyId the profile just gave us is not "too old", it is broken.
          if (!(error instanceof MailProviderError && error.status === 404) || relisted) throw error;
          relisted = true;
          // startHistoryId too old (or unknown): re-list the recent inbox and start history afresh from now.
          state = await startListing(new Date(Math.max(since.getTime(), now() - HISTORY_FALLBACK_MS)));
        }
      }
      const ids = [...new Set(found)];
      const batch = ids.slice(0, max);
      const pending = ids.slice(max);
      const messages = (await mapLimited(batch, FETCH_CONCURRENCY, (id) => gmail.getRawInbound(id))).filter((m): m is RawInbound => m !== null);
      const next: GmailCursor = { ...state, pending };
      const more = pending.length > 0 || !!next.list || !!next.historyPageToken;
      return { messages, cursor: JSON.stringify(next), more };
    },
  };
}
