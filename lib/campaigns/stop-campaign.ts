// Placeholder while the campaign runner is built on main; the real body replaces it in this file.
import "server-only";
import type { CampaignStatus } from "@/db/schema/campaigns";
import { AppError } from "@/lib/errors";

export async function stopCampaign(_: { teamId: string; campaignId: string; actorUserId: string | null }): Promise<{ status: CampaignStatus }> {
  throw new AppError("unavailable", "Campaign sending is not available in this build yet.");
}
