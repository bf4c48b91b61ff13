// The sequence and mailboxes a campaign form names must be the team's own (else "not found", like any other record).
import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignMailboxes } from "@/db/schema/campaigns";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequences } from "@/db/schema/sequences";
import { AppError } from "@/lib/errors";
import type { CampaignSettings } from "./campaign.schema";

export async function checkCampaignReferences(tx: Tx, teamId: string, settings: Pick<CampaignSettings, "sequenceId" | "mailboxes">) {
  if (settings.sequenceId) {
    const [sequence] = await tx
      .select({ id: sequences.id })
      .from(sequences)
      .where(and(eq(sequences.teamId, teamId), eq(sequences.id, settings.sequenceId), ne(sequences.status, "archived")))
      .limit(1);
    if (!sequence) throw new AppError("invalid_input", "Please fix the highlighted fields.", { fields: { sequenceId: ["That sequence was not found (or is archived). Pick another one."] } });
  }
  const ids = settings.mailboxes.map((m) => m.mailboxId);
  if (ids.length > 0) {
    const found = await tx.select({ id: mailboxes.id }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), inArray(mailboxes.id, ids)));
    if (found.length !== ids.length) throw new AppError("invalid_input", "Please fix the highlighted fields.", { fields: { mailboxIds: ["A chosen mailbox was not found. Reload the page and pick again."] } });
  }
}

/** Makes the campaign's rotation exactly the given mailboxes and weights. */
export async function replaceCampaignMailboxes(tx: Tx, teamId: string, campaignId: string, rotation: CampaignSettings["mailboxes"]) {
  await tx.delete(campaignMailboxes).where(and(eq(campaignMailboxes.teamId, teamId), eq(campaignMailboxes.campaignId, campaignId)));
  if (rotation.length > 0) await tx.insert(campaignMailboxes).values(rotation.map((m) => ({ teamId, campaignId, mailboxId: m.mailboxId, weight: m.weight })));
}
