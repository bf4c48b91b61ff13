// The inbound reply a mutation acts on, locked for the transaction; another team's id is "not found".
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emails } from "@/db/schema/emails";
import { notFound } from "@/lib/errors";
import { inboxRows } from "./inbox-scope";

export async function findInboxReply(tx: Tx, { teamId, emailId }: { teamId: string; emailId: string }) {
  const [reply] = await tx.select().from(emails).where(and(inboxRows(teamId), eq(emails.id, emailId))).for("update").limit(1);
  if (!reply) throw notFound("That reply");
  return reply;
}
