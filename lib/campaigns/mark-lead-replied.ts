// Placeholder while the campaign runner is built on main; the real body replaces it in this file.
import "server-only";
import { AppError } from "@/lib/errors";

/** The lead replied (marked by hand or found by inbound sync): stop its enrolments at once. */
export async function markLeadReplied(_: { teamId: string; leadId: string; actorUserId: string | null }): Promise<{ stoppedEnrolments: number }> {
  throw new AppError("unavailable", "Campaign sending is not available in this build yet.");
}
