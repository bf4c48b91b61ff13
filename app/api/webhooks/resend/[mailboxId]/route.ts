// POST /api/webhooks/resend/<mailboxId> — Resend's webhook for one mailbox (email.received, email.bounced,
// email.complained). Public: the Svix signature, made with this mailbox's own secret, is the authentication,
// and the team is the mailbox's. Non-2xx answers make Resend deliver again later, so a failure part-way is
// retried; a delivery already processed is acknowledged without running again.
import { AppError, errorResponse, notFound } from "@/lib/errors";
import { findResendWebhookMailbox } from "@/lib/inbound/resend/find-webhook-mailbox";
import { handleResendEvent } from "@/lib/inbound/resend/handle-resend-event";
import { resendEnvelopeSchema } from "@/lib/inbound/resend/resend-event.schema";
import { verifySvixSignature } from "@/lib/inbound/resend/verify-svix-signature";
import { hasWebhookReceipt, recordWebhookReceipt } from "@/lib/inbound/resend/webhook-receipt";
import { resendWebhookParamsSchema } from "./schema";

// Webhook payloads carry metadata only (the message itself is fetched from Resend's API): refuse big bodies unread.
const MAX_BODY_BYTES = 256 * 1024;

function parseEvent(rawBody: string) {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("invalid_input", "The webhook body must be JSON.");
  }
  const event = resendEnvelopeSchema.safeParse(json);
  if (!event.success) throw new AppError("invalid_input", "The webhook body is not a Resend event.");
  return event.data;
}

export async function POST(req: Request, { params }: { params: Promise<{ mailboxId: string }> }) {
  const route = resendWebhookParamsSchema.safeParse(await params);
  const mailboxId = route.success ? route.data.mailboxId : null;
  try {
    const mailbox = mailboxId ? await findResendWebhookMailbox({ mailboxId }) : null;
    if (!mailbox) throw notFound("That webhook");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("invalid_input", "The webhook body is too large.");

    // Read once and verify these exact bytes: re-serialized JSON would not match the signature.
    const rawBody = await req.text();
    const svixId = req.headers.get("svix-id");
    verifySvixSignature({
      secret: mailbox.credentials.webhookSecret,
      headers: { id: svixId, timestamp: req.headers.get("svix-timestamp"), signature: req.headers.get("svix-signature") },
      rawBody,
    });
    const receipt = { mailboxId: mailbox.id, svixId: svixId! };
    if (await hasWebhookReceipt(receipt)) return Response.json({ ok: true, duplicate: true });

    const outcome = await handleResendEvent({ mailbox, event: parseEvent(rawBody) });
    await recordWebhookReceipt(receipt);
    return Response.json({ ok: true, duplicate: false, ...outcome });
  } catch (error) {
    return errorResponse(error, { route: "webhooks/resend", mailboxId });
  }
}
