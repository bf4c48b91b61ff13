// The embedded default: the message is stored in outbox_messages (readable in the app) instead of leaving.
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Queryable } from "@/db";
import { outboxMessages } from "@/db/schema/outbox";
import type { MailProvider, SendResult } from "./mail-provider";

export function createLocalOutboxProvider({ teamId, db }: { teamId: string; db?: Queryable }): MailProvider {
  const conn = async () => db ?? (await getDb());

  async function findSent(messageId: string): Promise<SendResult | null> {
    const [row] = await (await conn())
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.messageId, messageId), eq(outboxMessages.teamId, teamId)))
      .limit(1);
    return row ? { providerMessageId: row.id, providerThreadId: null } : null;
  }

  return {
    name: "local",
    findSent,
    async send({ message }) {
      const f = message.fields;
      // message_id is unique: a retry of the same email finds the first copy instead of storing a second.
      const [row] = await (await conn())
        .insert(outboxMessages)
        .values({
          teamId,
          kind: "campaign",
          messageId: message.messageId,
          from: f.from.name ? `${f.from.name} <${f.from.address}>` : f.from.address,
          to: [...f.to, ...f.cc].join(", "),
          subject: f.subject,
          html: f.html,
          text: f.text,
          headers: f.headers,
        })
        .onConflictDoNothing({ target: outboxMessages.messageId })
        .returning({ id: outboxMessages.id });
      if (row) return { providerMessageId: row.id, providerThreadId: null };
      const existing = await findSent(message.messageId);
      if (!existing) throw new Error(`Message-ID ${message.messageId} is already used by another team's outbox message`);
      return existing;
    },
  };
}
