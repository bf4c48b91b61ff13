// Start, pause, resume and stop a campaign. (Placeholder signatures while the runner is being built on main;
// the real bodies replace these in the same files.)
import "server-only";
import type { CampaignStatus } from "@/db/schema/campaigns";
import { AppError } from "@/lib/errors";

type Args = { teamId: string; campaignId: string; actorUserId: string | null };
const notYet = (): never => {
  throw new AppError("unavailable", "Campaign sending is not available in this build yet.");
};

export async function startCampaign(_: Args): Promise<{ status: CampaignStatus }> {
  return notYet();
}
export async function pauseCampaign(_: Args): Promise<{ status: CampaignStatus }> {
  return notYet();
}
export async function resumeCampaign(_: Args): Promise<{ status: CampaignStatus }> {
  return notYet();
}
export async function stopCampaign(_: Args): Promise<{ status: CampaignStatus }> {
  return notYet();
}
/** The lead replied (marked by hand or found by inbound sync): stop its enrolments at once. */
export async function markLeadReplied(_: { teamId: string; leadId: string; actorUserId: string | null }): Promise<{ stoppedEnrolments: number }> {
  return notYet();
}
