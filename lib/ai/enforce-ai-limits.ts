// The AI generation budget: a per-user and a per-team sliding window, checked before any model call.
import "server-only";
import { enforceRateLimit } from "@/lib/ratelimit";

/**
 * Throws AppError("rate_limited") with retryAfterSeconds when either budget is spent.
 * The user's budget is checked first so one busy rep is told about their own limit and
 * does not spend the team's remaining budget on requests that will be refused anyway.
 */
export async function enforceAiGenerationLimits(args: { userId: string; teamId: string }): Promise<void> {
  await enforceRateLimit("aiGenerateUser", `user:${args.userId}`);
  await enforceRateLimit("aiGenerateTeam", `team:${args.teamId}`);
}
