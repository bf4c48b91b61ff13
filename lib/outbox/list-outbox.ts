import "server-only";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema/outbox";

/** Kinds of the app's own mail that a person reads before they belong to a team (sign-in, invitations). */
const PUBLIC_KINDS = ["magic-link", "invitation"];
export const OUTBOX_PAGE_SIZE = 50;

const listColumns = {
  id: outboxMessages.id,
  kind: outboxMessages.kind,
  to: outboxMessages.to,
  subject: outboxMessages.subject,
  createdAt: outboxMessages.createdAt,
};
const isPublic = or(inArray(outboxMessages.kind, PUBLIC_KINDS), isNull(outboxMessages.teamId));

export async function listTeamOutbox({ teamId, page = 1 }: { teamId: string; page?: number }) {
  const db = await getDb();
  return db
    .select(listColumns)
    .from(outboxMessages)
    .where(eq(outboxMessages.teamId, teamId))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(OUTBOX_PAGE_SIZE + 1)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
}

export async function getTeamOutboxMessage({ teamId, id }: { teamId: string; id: string }) {
  const db = await getDb();
  const [row] = await db.select().from(outboxMessages).where(and(eq(outboxMessages.teamId, teamId), eq(outboxMessages.id, id))).limit(1);
  return row ?? null;
}

/** The local sign-in outbox: system mail only (sign-in links, invitations), never a team's campaign mail. */
export async function listPublicOutbox({ page = 1 }: { page?: number }) {
  const db = await getDb();
  return db
    .select(listColumns)
    .from(outboxMessages)
    .where(isPublic)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(OUTBOX_PAGE_SIZE + 1)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
}

export async function getPublicOutboxMessage({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db.select().from(outboxMessages).where(and(eq(outboxMessages.id, id), isPublic)).limit(1);
  return row ?? null;
}
