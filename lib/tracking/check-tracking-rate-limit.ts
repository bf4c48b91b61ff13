// The per-IP `tracking` policy on the public routes. Over the limit a hit is still answered and recorded, only
// flagged as machine: a 429 would break a real person's click behind a shared NAT and would lose the event.
import "server-only";
import { checkRateLimit } from "@/lib/ratelimit";

export async function isOverTrackingLimit(ip: string | null): Promise<boolean> {
  try {
    const result = await checkRateLimit("tracking", ip ?? "unknown");
    return !result.success;
  } catch (error) {
    // A Redis outage must not take tracking or unsubscribing down with it.
    console.warn("[tracking] rate limit check failed; allowing", error);
    return false;
  }
}
