// One entry for the app's own mail (magic links, invitations): Resend when configured, else the local outbox.
import "server-only";
import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema/outbox";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { systemMailSchema, type SystemMail } from "./send-system-mail.schema";

export type MailTransport = "resend" | "local-outbox";

export function systemMailTransport(): MailTransport {
  return env().RESEND_API_KEY ? "resend" : "local-outbox";
}

function newMessageId(): string {
  const host = new URL(env().APP_URL).hostname || "localhost";
  return `<${randomUUID()}@${host}>`;
}

let resend: Resend | undefined;
// Constructed lazily: `new Resend()` throws without a key (stack notes).
const resendClient = () => (resend ??= new Resend(env().RESEND_API_KEY));

export async function sendSystemMail(input: SystemMail): Promise<{ messageId: string; transport: MailTransport }> {
  const parsed = systemMailSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", `This email cannot be sent: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  const mail = parsed.data;
  const messageId = newMessageId();
  const from = env().MAIL_FROM;
  const headers = { ...mail.headers, "Message-ID": messageId };

  if (systemMailTransport() === "resend") {
    const { error } = await resendClient().emails.send({
      from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers,
    });
    if (error) throw new AppError("unavailable", `The email to ${mail.to} could not be sent: ${error.message}`);
    return { messageId, transport: "resend" };
  }

  const db = await getDb();
  await db.insert(outboxMessages).values({
    kind: mail.kind,
    teamId: mail.teamId,
    messageId,
    from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers,
  });
  return { messageId, transport: "local-outbox" };
}
