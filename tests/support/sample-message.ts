// A built message for provider tests that do not need tracking rows.
import { buildMimeMessage } from "@/lib/email/mime/build-mime-message";
import { newMessageId } from "@/lib/email/mime/message-id";

export function sampleMessage({ from = "rep@acme.test", to = "grace@example.org", inReplyTo }: { from?: string; to?: string; inReplyTo?: string } = {}) {
  return buildMimeMessage({
    from: { address: from, name: "Rita Rep" },
    to: [to],
    subject: inReplyTo ? "Re: Quick question" : "Quick question",
    html: "<p>Hi Grace, <a href=\"https://acme.test\">acme</a></p>",
    messageId: newMessageId(from),
    inReplyTo,
    listUnsubscribe: { url: "https://app.test/u/TOKEN", mailto: from },
  });
}
