// GET /t/o/<token> — the open pixel: records an open (machine-flagged where it is one) and returns a 1×1 GIF.
// HEAD is served by this GET (Next.js), and is recorded as a machine hit.
import { isOverTrackingLimit } from "@/lib/tracking/check-tracking-rate-limit";
import { recordOpen } from "@/lib/tracking/record-open";
import { readRequestMeta } from "@/lib/tracking/request-meta";
import { trackingTokenParamsSchema } from "@/lib/tracking/tracking-route.schema";
import { pixelResponse, trackingNotFound } from "@/lib/tracking/tracking-responses";
import { verifyTrackingToken } from "@/lib/tracking/verify-tracking-token";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const parsed = trackingTokenParamsSchema.safeParse(await params);
  const payload = parsed.success ? verifyTrackingToken(parsed.data.token, "open") : null;
  if (!payload) return trackingNotFound();
  const meta = readRequestMeta(req);
  const rateLimited = await isOverTrackingLimit(meta.ip);
  const { recorded } = await recordOpen({ teamId: payload.teamId, emailId: payload.emailId, meta, rateLimited });
  return recorded ? pixelResponse() : trackingNotFound();
}
