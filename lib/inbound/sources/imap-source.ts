// Reads an SMTP mailbox's INBOX over IMAP for the inbound sync: read-only (EXAMINE, nothing marked seen or moved),
// by UID from a "UIDVALIDITY:LASTUID" cursor, one connection per call.
import "server-only";
import { ImapFlow, type FetchMessageObject } from "imapflow";
import type { ImapLogin } from "@/lib/email/providers/mailbox-credentials";
import type { RawInbound } from "@/lib/inbound/inbound-message";
import type { FetchNewResult, InboundSource } from "./inbound-source";
import { isOwnAddress } from "./is-own-address";

export type ImapSourceOptions = {
  imap: ImapLogin;
  /** The mailbox's own address: messages From it are ours (copies, sends to self) and are left out. */
  ownAddress: string;
  tls?: { rejectUnauthorized?: boolean };
};

const DAY_MS = 24 * 60 * 60 * 1000;
// Envelopes are small; fetch them in slices so a long backlog is not one giant response.
const ENVELOPE_SLICE = 200;

type ImapFailure = Error & { responseText?: string; code?: string };

function failureText(error: unknown): string {
  const e = error as ImapFailure;
  const words = (e?.responseText || e?.message || String(error)).trim();
  return e?.code && !words.includes(e.code) ? `${words} (${e.code})` : words;
}

export function parseImapCursor(cursor: string | null): { uidValidity: string; lastUid: number } | null {
  const match = cursor?.match(/^(\d+):(\d+)$/);
  return match ? { uidValidity: match[1], lastUid: Number(match[2]) } : null;
}

const toDate = (value: Date | string | undefined): Date | null => (value ? new Date(value) : null);

/** Logs in; a refused connection or login throws an Error that says which server and what failed. */
async function connect({ imap, tls }: Omit<ImapSourceOptions, "ownAddress">): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.username, pass: imap.password },
    tls: { rejectUnauthorized: tls?.rejectUnauthorized ?? true },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  // Socket errors also reject the command in flight, which is where we report them; an unheard 'error' event
  // would crash the process instead.
  client.on("error", () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    throw new Error(`IMAP login to ${imap.host}:${imap.port} failed: ${failureText(error)}`, { cause: error });
  }
}

async function disconnect(client: ImapFlow) {
  await client.logout().catch(() => client.close());
}

/** Used when a mailbox is saved: logs in and opens INBOX read-only. Throws the same errors as a sync would. */
export async function verifyImap(options: Omit<ImapSourceOptions, "ownAddress">): Promise<true> {
  const client = await connect(options);
  try {
    await client.mailboxOpen("INBOX", { readOnly: true });
    return true;
  } catch (error) {
    throw new Error(`IMAP INBOX on ${options.imap.host}:${options.imap.port} could not be opened: ${failureText(error)}`, { cause: error });
  } finally {
    await disconnect(client);
  }
}

export function createImapSource(options: ImapSourceOptions): InboundSource {
  const { imap } = options;
  const fromUs = (m: FetchMessageObject) => (m.envelope?.from ?? []).some((a) => isOwnAddress(a.address, options.ownAddress));

  async function read(client: ImapFlow, { cursor, since, limit }: { cursor: string | null; since: Date; limit: number }): Promise<FetchNewResult> {
    const box = await client.mailboxOpen("INBOX", { readOnly: true });
    const uidValidity = box.uidValidity.toString();
    const stored = parseImapCursor(cursor);
    // A new UIDVALIDITY means the old UIDs name nothing: start over as on a first sync.
    const lastUid = stored && stored.uidValidity === uidValidity ? stored.lastUid : null;
    // SEARCH SINCE compares calendar dates in the server's zone: ask a day early, then compare INTERNALDATE exactly.
    const found = await client.search(lastUid === null ? { since: new Date(since.getTime() - DAY_MS) } : { uid: `${lastUid + 1}:*` }, { uid: true });
    // imapflow answers false when the server refuses the search: as "nothing new" it would move the cursor past mail.
    if (!Array.isArray(found)) throw new Error("the server refused the SEARCH");
    // "N:*" matches the newest message even when its UID is below N.
    const candidates = found.filter((uid) => uid > (lastUid ?? 0)).sort((a, b) => a - b);

    const accepted: number[] = [];
    let examined = lastUid ?? 0;
    for (let i = 0; i < candidates.length && accepted.length < limit; i += ENVELOPE_SLICE) {
      const slice = candidates.slice(i, i + ENVELOPE_SLICE);
      const heads = await client.fetchAll(slice.join(","), { uid: true, internalDate: true, envelope: true }, { uid: true });
      for (const m of heads.sort((a, b) => a.uid - b.uid)) {
        if (accepted.length >= limit) break;
        examined = m.uid;
        const receivedAt = toDate(m.internalDate);
        // Mail older than the connection (moved back into INBOX, say) is not a reply to anything we sent.
        // INTERNALDATE has whole seconds: compare at that precision, or mail in the mailbox's first second is lost.
        if (receivedAt && receivedAt.getTime() < Math.floor(since.getTime() / 1000) * 1000) continue;
        if (fromUs(m)) continue;
        accepted.push(m.uid);
      }
    }
    const more = candidates.some((uid) => uid > examined);

    const messages: RawInbound[] = [];
    if (accepted.length > 0) {
      const bodies = await client.fetchAll(accepted.join(","), { uid: true, source: true, internalDate: true }, { uid: true });
      for (const m of bodies.sort((a, b) => a.uid - b.uid)) {
        if (!m.source) continue; // expunged between the two fetches
        messages.push({ providerMessageId: `${uidValidity}:${m.uid}`, providerThreadId: null, raw: m.source, receivedAt: toDate(m.internalDate) });
      }
    }
    // Done: everything below UIDNEXT (as of EXAMINE) has been looked at, so the next call starts there.
    const next = more ? examined : Math.max(examined, (box.uidNext || 1) - 1);
    return { messages, cursor: `${uidValidity}:${next}`, more };
  }

  return {
    async fetchNew(args) {
      const client = await connect(options);
      try {
        return await read(client, args);
      } catch (error) {
        throw new Error(`IMAP read of INBOX on ${imap.host}:${imap.port} failed: ${failureText(error)}`, { cause: error });
      } finally {
        await disconnect(client);
      }
    },
  };
}
