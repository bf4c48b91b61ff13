// What the campaign form offers: the team's usable sequences, its mailboxes with their state, and recent imports.
import "server-only";
import { inOrder } from "@/db/in-order";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { leadImports } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequences } from "@/db/schema/sequences";
import { teamScope } from "@/lib/teams/team-scope";

export async function listCampaignFormOptions({ teamId }: { teamId: string }) {
  return teamScope(teamId, async (tx) => {
    const [sequenceRows, mailboxRows, importRows] = await inOrder([
      () => tx.select({ id: sequences.id, name: sequences.name, status: sequences.status }).from(sequences).where(and(eq(sequences.teamId, teamId), ne(sequences.status, "archived"))).orderBy(asc(sequences.name)),
      () => tx
        .select({ id: mailboxes.id, email: mailboxes.email, status: mailboxes.status, statusReason: mailboxes.statusReason, dailyCap: mailboxes.dailyCap })
        .from(mailboxes)
        .where(eq(mailboxes.teamId, teamId))
        .orderBy(asc(mailboxes.email)),
      () => tx.select({ id: leadImports.id, fileName: leadImports.fileName, createdAt: leadImports.createdAt }).from(leadImports).where(eq(leadImports.teamId, teamId)).orderBy(desc(leadImports.createdAt)).limit(50)
    ]);
    return { sequences: sequenceRows, mailboxes: mailboxRows, imports: importRows };
  });
}
export type CampaignFormOptions = Awaited<ReturnType<typeof listCampaignFormOptions>>;
