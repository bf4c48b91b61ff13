// "Wrong person — talk to X": X becomes a lead. The address comes from the stored reply, never from the form,
// and createLead refuses a suppressed address with its usual message.
import "server-only";
import { and, eq } from "drizzle-orm";
import { leads } from "@/db/schema/leads";
import { AppError } from "@/lib/errors";
import { createLead } from "@/lib/leads/create-lead";
import { createLeadSchema } from "@/lib/leads/lead-fields.schema";
import { teamScope } from "@/lib/teams/team-scope";
import { findInboxReply } from "./find-inbox-reply";

export async function addReferralLead({ teamId, actorUserId, emailId }: { teamId: string; actorUserId: string | null; emailId: string }) {
  const { reply, company } = await teamScope(teamId, async (tx) => {
    const reply = await findInboxReply(tx, { teamId, emailId });
    const [lead] = reply.leadId ? await tx.select({ company: leads.company }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, reply.leadId))) : [];
    return { reply, company: lead?.company ?? null };
  });
  if (!reply.referralEmail) throw new AppError("conflict", "This reply does not name anyone else to contact.");
  // Usually a colleague: same company, tagged so the rep can find who came from referrals.
  const input = createLeadSchema.parse({ email: reply.referralEmail, company, tags: ["referral"] });
  const lead = await createLead({ teamId, actorUserId, input });
  return { id: lead.id, email: lead.email };
}
