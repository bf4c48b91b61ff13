// /u/<token> — unsubscribe. GET only shows a confirmation page (mail scanners prefetch links, so a GET must
// change nothing). POST — RFC 8058 one-click from the mail client, or our form — unsubscribes at once, with no
// cookies or session; repeating it is harmless, and links never expire.
import { isOverTrackingLimit } from "@/lib/tracking/check-tracking-rate-limit";
import { readRequestMeta } from "@/lib/tracking/request-meta";
import { describeUnsubscribeLink } from "@/lib/tracking/describe-unsubscribe-link";
import { trackingTokenParamsSchema, unsubscribeBodySchema } from "@/lib/tracking/tracking-route.schema";
import { unsubscribeFromEmail } from "@/lib/tracking/unsubscribe-from-email";
import { unsubscribePageResponse } from "@/lib/tracking/unsubscribe-page";
import { verifyTrackingToken } from "@/lib/tracking/verify-tracking-token";

type Ctx = { params: Promise<{ token: string }> };

async function tokenPayload({ params }: Ctx) {
  const parsed = trackingTokenParamsSchema.safeParse(await params);
  return parsed.success ? verifyTrackingToken(parsed.data.token, "unsubscribe") : null;
}

// Over the per-IP limit a GET gets 429: it only renders a page, so nothing is lost (and nothing changes).
export async function GET(req: Request, ctx: Ctx) {
  const payload = await tokenPayload(ctx);
  if (payload && (await isOverTrackingLimit(readRequestMeta(req).ip))) {
    return new Response("Too many requests. Try again in a minute.", { status: 429, headers: { "Retry-After": "60" } });
  }
  const target = payload ? await describeUnsubscribeLink(payload) : null;
  if (!target) return unsubscribePageResponse({ state: "invalid" });
  return unsubscribePageResponse(target.alreadyUnsubscribed ? { state: "done", ...target } : { state: "confirm", ...target });
}

// RFC 8058 allows multipart/form-data or urlencoded; a body sent without a content type is read as urlencoded.
async function readFormFields(req: Request): Promise<Record<string, unknown>> {
  try {
    if ((req.headers.get("content-type") ?? "").includes("multipart/form-data")) return Object.fromEntries((await req.formData()).entries());
    return Object.fromEntries(new URLSearchParams(await req.text()).entries());
  } catch {
    return {};
  }
}

// Not rate-limited: unsubscribing is a legal duty, mailbox providers POST from a few shared IPs, and each
// valid token can change state only once.
export async function POST(req: Request, ctx: Ctx) {
  const payload = await tokenPayload(ctx);
  if (!payload) return unsubscribePageResponse({ state: "invalid" });
  const body = unsubscribeBodySchema.safeParse(await readFormFields(req));
  if (!body.success) return unsubscribePageResponse({ state: "bad-request" });
  const outcome = await unsubscribeFromEmail({ teamId: payload.teamId, emailId: payload.emailId, meta: readRequestMeta(req) });
  if (!outcome) return unsubscribePageResponse({ state: "invalid" });
  const target = await describeUnsubscribeLink(payload);
  return unsubscribePageResponse({ state: "done", maskedAddress: target?.maskedAddress ?? "your address", senderName: target?.senderName ?? "This sender" });
}
