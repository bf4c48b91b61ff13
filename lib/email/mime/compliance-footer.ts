// CAN-SPAM footer: the sender's postal address and a working unsubscribe link on every campaign email.
import { AppError } from "@/lib/errors";
import { escapeHtml } from "@/lib/email/render/html-entities";
import { insertBeforeBodyEnd } from "./insert-before-body-end";

export type MailKind = "campaign" | "one-off";

export function appendComplianceFooter({
  kind,
  html,
  text,
  postalAddress,
  unsubscribeUrl,
}: {
  kind: MailKind;
  html: string;
  text: string;
  postalAddress: string | null | undefined;
  unsubscribeUrl: string;
}): { html: string; text: string } {
  const address = postalAddress?.trim();
  if (!address) {
    if (kind === "campaign") {
      throw new AppError(
        "invalid_input",
        "Campaign emails must include your postal address (CAN-SPAM). Add it in Settings → Team, then send again.",
        { fields: { postalAddress: ["Required before sending campaign emails."] } },
      );
    }
    // A rep's one-off email is a personal message: no footer, the List-Unsubscribe header still applies.
    return { html, text };
  }
  const lines = address.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const footerHtml =
    `<div style="margin-top:24px;font-size:12px;line-height:1.5;color:#6b7280">` +
    `${lines.map(escapeHtml).join("<br>")}<br>` +
    `<a href="${escapeHtml(unsubscribeUrl)}" style="color:#6b7280">Unsubscribe</a>` +
    `</div>`;
  const footerText = `\n\n--\n${lines.join("\n")}\nUnsubscribe: ${unsubscribeUrl}\n`;
  return { html: insertBeforeBodyEnd(html, footerHtml), text: `${text.trimEnd()}${footerText}` };
}
