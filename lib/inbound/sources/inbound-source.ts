// How the sync reads one mailbox's new mail, whatever the provider: from a cursor it stored last time.
import type { RawInbound } from "@/lib/inbound/inbound-message";

export type FetchNewResult = {
  messages: RawInbound[];
  /** Where the next call starts. Stored only after every message of this batch is ingested. */
  cursor: string;
  /** More is waiting beyond this batch (fetch again at once). */
  more: boolean;
};

export interface InboundSource {
  /**
   * Messages that arrived after `cursor`. With no cursor (a mailbox's first sync), messages received since
   * `since` (the mailbox's connection time, so old mail is not imported as replies).
   * At most `limit` messages per call. Mail we sent ourselves (the Sent folder, our own address) is left out.
   */
  fetchNew(args: { cursor: string | null; since: Date; limit: number }): Promise<FetchNewResult>;
  /** Closes connections (IMAP). */
  close?(): Promise<void>;
}
