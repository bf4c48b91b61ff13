// From rendered content to the message a provider sends: compliance footer → tracking → MIME.
// Safe to call again for the same email (a retried send): tracked links are reused, so the bytes match.
import "server-only";
import type { Queryable } from "@/db";
import { addOpenPixel } from "@/lib/tracking/add-open-pixel";
import { assertSafeLinks } from "@/lib/tracking/assert-safe-links";
import { rewriteLinks, type RewrittenLink } from "@/lib/tracking/rewrite-links";
import { openPixelUrl, trackingBaseUrl, unsubscribeUrl } from "@/lib/tracking/tracking-urls";
import { buildMimeMessage, type BuiltMessage } from "./build-mime-message";
import { appendComplianceFooter, type MailKind } from "./compliance-footer";
import { htmlToText } from "./html-to-text";

export type OutboundMessageInput = {
  tx: Queryable;
  teamId: string;
  /** The emails row this message is; it must exist (tracked_links point at it). */
  emailId: string;
  kind: MailKind;
  content: { subject: string; html: string; text?: string | null };
  from: { address: string; name?: string | null };
  to: string[];
  cc?: string[];
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  postalAddress: string | null | undefined;
  tracking: { opens: boolean; clicks: boolean };
  /** Defaults to APP_URL (a team's custom tracking domain later). */
  baseUrl?: string;
  date?: Date;
};

export async function buildOutboundMessage(
  input: OutboundMessageInput,
): Promise<BuiltMessage & { unsubscribeUrl: string; trackedLinks: RewrittenLink[] }> {
  const { tx, teamId, emailId, content } = input;
  const baseUrl = input.baseUrl ?? trackingBaseUrl();
  assertSafeLinks(content.html);
  const unsubscribe = unsubscribeUrl({ teamId, emailId }, baseUrl);
  // The text part is derived before tracking: it keeps readable destination URLs (and no pixel).
  const withFooter = appendComplianceFooter({
    kind: input.kind,
    html: content.html,
    text: content.text?.trim() ? content.text : htmlToText(content.html),
    postalAddress: input.postalAddress,
    unsubscribeUrl: unsubscribe,
  });
  let html = withFooter.html;
  let links: RewrittenLink[] = [];
  if (input.tracking.clicks) {
    const rewritten = await rewriteLinks(html, { tx, teamId, emailId, baseUrl, skipUrls: [unsubscribe] });
    html = rewritten.html;
    links = rewritten.links;
  }
  if (input.tracking.opens) html = addOpenPixel(html, openPixelUrl({ teamId, emailId }, baseUrl));
  const built = await buildMimeMessage({
    from: input.from,
    to: input.to,
    cc: input.cc,
    subject: content.subject,
    html,
    text: withFooter.text,
    messageId: input.messageId,
    inReplyTo: input.inReplyTo,
    references: input.references,
    listUnsubscribe: { url: unsubscribe, mailto: input.from.address },
    date: input.date,
  });
  return { ...built, unsubscribeUrl: unsubscribe, trackedLinks: links };
}
