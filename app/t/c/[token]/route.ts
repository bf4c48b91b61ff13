// GET|HEAD /t/c/<token> — records a click and redirects (302) to the destination stored when the email was
// sent. A tampered or unknown token is a 404, never a redirect: nothing in the URL can choose the target.
import { isOverTrackingLimit } from "@/lib/tracking/check-tracking-rate-limit";
import { recordClick } from "@/lib/tracking/record-click";
import { readRequestMeta } from "@/lib/tracking/request-meta";
import { trackingTokenParamsSchema } from "@/lib/tracking/tracking-route.schema";
import { redirectResponse, trackingNotFound } from "@/lib/tracking/tracking-responses";
import { verifyTrackingToken } from "@/lib/tracking/verify-tracking-token";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const parsed = trackingTokenParamsSchema.safeParse(await params);
  const payload = parsed.success ? verifyTrackingToken(parsed.data.token, "click") : null;
  if (!payload) return trackingNotFound();
  const meta = readRequestMeta(req);
  const rateLimited = await isOverTrackingLimit(meta.ip);
  const click = await recordClick({ ...payload, meta, rateLimited });
  return click ? redirectResponse(click.destinationUrl) : trackingNotFound();
}

// Link scanners probe with HEAD; they get the same answer and are recorded as machine clicks.
export const HEAD = GET;
