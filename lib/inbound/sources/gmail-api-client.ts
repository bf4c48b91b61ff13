// Read access to a Gmail mailbox for inbound sync: the same OAuth session and refresh path the Gmail sending
// provider uses, Google's error bodies mapped to MailProviderError, and one message fetched as raw RFC 822.
import { z } from "zod";
import { createGmailSession, type GmailProviderOptions } from "@/lib/email/providers/gmail-provider";
import { httpApiError, networkError } from "@/lib/email/providers/http-api-error";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import { parseHeaderBlock, type RawInbound } from "@/lib/inbound/inbound-message";
import { isOwnAddress } from "./is-own-address";

/** What reading a Gmail mailbox needs: the sending provider's options plus the mailbox's own address. */
export type GmailReadOptions = GmailProviderOptions & { ownAddress: string };

const googleErrorSchema = z.object({ error: z.object({ message: z.string().optional() }) });

const rawMessageSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  labelIds: z.array(z.string()).optional(),
  // Epoch milliseconds, as a string.
  internalDate: z.string().optional(),
  raw: z.string(),
});

/** Our own copies (sent mail, drafts) are never replies, whichever label list they also carry. */
export const OWN_LABELS = new Set(["SENT", "DRAFT"]);


/** The address in a From header value ("Name <a@b>" or "a@b"), lower-cased. */
export function fromHeaderAddress(raw: Buffer): string | null {
  const text = raw.subarray(0, 64 * 1024).toString("latin1");
  const headerEnd = text.search(/\r?\n\r?\n/);
  const from = parseHeaderBlock(headerEnd >= 0 ? text.slice(0, headerEnd) : text).from;
  if (!from) return null;
  const bracketed = /<([^>]+)>/.exec(from);
  return (bracketed ? bracketed[1] : from).trim().toLowerCase() || null;
}

export function createGmailApiClient(options: GmailReadOptions) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const session = createGmailSession(options);
  const api = `${options.apiBaseUrl.replace(/\/+$/, "")}/gmail/v1/users/me`;

  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    let res: Response;
    try {
      res = await session.fetchWithToken((token) =>
        fetchImpl(`${api}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" }, signal: AbortSignal.timeout(60_000) }),
      );
    } catch (error) {
      if (error instanceof MailProviderError) throw error;
      throw networkError("gmail", error);
    }
    if (!res.ok) {
      throw await httpApiError("gmail", res, (json) => ({ message: googleErrorSchema.safeParse(json).data?.error.message }));
    }
    return schema.parse(await res.json());
  }

  /**
   * One message as RawInbound, or null when it is not someone else's mail to us: our own copy (SENT, DRAFT or
   * From our address), or gone since it was listed (404: deleted in between).
   */
  async function getRawInbound(id: string): Promise<RawInbound | null> {
    let message: z.infer<typeof rawMessageSchema>;
    try {
      message = await get(`/messages/${encodeURIComponent(id)}?format=raw`, rawMessageSchema);
    } catch (error) {
      if (error instanceof MailProviderError && error.status === 404) return null;
      throw error;
    }
    if ((message.labelIds ?? []).some((l) => OWN_LABELS.has(l))) return null;
    const raw = Buffer.from(message.raw, "base64url");
    if (isOwnAddress(fromHeaderAddress(raw), options.ownAddress)) return null;
    const received = message.internalDate ? new Date(Number(message.internalDate)) : null;
    return {
      providerMessageId: message.id,
      providerThreadId: message.threadId,
      raw,
      receivedAt: received && !Number.isNaN(received.getTime()) ? received : null,
    };
  }

  return { get, getRawInbound };
}

export type GmailApiClient = ReturnType<typeof createGmailApiClient>;
