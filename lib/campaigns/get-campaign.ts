// One campaign of the team with its sequence name and mailbox rotation; another team's campaign is "not found".
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignEnrolments, campaignMailboxes, campaigns, type Campaign } from "@/db/schema/campaigns";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequences } from "@/db/schema/sequences";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

export async function getCampaign({ teamId, campaignId }: { teamId: string; campaignId: string }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx
      .select({ campaign: campaigns, sequenceName: sequences.name })
      .from(campaigns)
      .leftJoin(sequences, and(eq(sequences.id, campaigns.sequenceId), eq(sequences.teamId, teamId)))
      .where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId)))
      .limit(1);
    if (!row) throw notFound("That campaign");
    const rotation = await tx
      .select({ mailboxId: campaignMailboxes.mailboxId, weight: campaignMailboxes.weight, email: mailboxes.email, status: mailboxes.status, statusReason: mailboxes.statusReason })
      .from(campaignMailboxes)
      .innerJoin(mailboxes, eq(mailboxes.id, campaignMailboxes.mailboxId))
      .where(and(eq(campaignMailboxes.teamId, teamId), eq(campaignMailboxes.campaignId, campaignId)))
      .orderBy(asc(mailboxes.email));
    return { ...row.campaign, sequenceName: row.sequenceName, mailboxes: rotation };
  });
}
export type CampaignDetail = Awaited<ReturnType<typeof getCampaign>>;

/** The campaign row, locked for the rest of the transaction so concurrent edits and lifecycle moves queue up. */
export async function lockCampaign(tx: Tx, { teamId, campaignId }: { teamId: string; campaignId: string }): Promise<Campaign> {
  const [row] = await tx.select().from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).for("update").limit(1);
  if (!row) throw notFound("That campaign");
  return row;
}

/** Enrolments the campaign has, at all (cheap: stops at the first). */
export async function campaignHasEnrolments(tx: Tx, campaignId: string): Promise<boolean> {
  const [one] = await tx.select({ id: campaignEnrolments.id }).from(campaignEnrolments).where(eq(campaignEnrolments.campaignId, campaignId)).limit(1);
  return !!one;
}
