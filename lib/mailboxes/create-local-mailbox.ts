import "server-only";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import type { z } from "zod";
import type { createLocalMailboxSchema } from "./create-mailbox.schema";

/** A mailbox whose mail never leaves the machine: every message lands in the team's Outbox. */
export async function createLocalMailbox({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: z.infer<typeof createLocalMailboxSchema> }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx
      .insert(mailboxes)
      .values({ teamId, provider: "local", email: input.email, displayName: input.displayName, ownerUserId: actorUserId, status: "active" })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", `${input.email} is already connected to this team.`, { fields: { email: ["Already connected."] } });
    await recordAudit(tx, { teamId, actorUserId, action: "mailbox.connected", targetType: "mailbox", targetId: row.id, metadata: { provider: "local" } });
    return row;
  });
}
