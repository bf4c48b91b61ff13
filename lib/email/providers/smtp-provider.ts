// SMTP through nodemailer: our raw MIME with an explicit envelope, so nothing is re-encoded on the way out.
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { MailProviderError, type MailProvider } from "./mail-provider";
import type { SmtpCredentials } from "./mailbox-credentials";

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string; command?: string };

// Errors raised before or around the conversation: worth retrying, the message did not go.
const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EPROXY", "ECONNRESET", "ECONNREFUSED"]);

/** Maps a nodemailer error by the server's reply code first, then by nodemailer's own code. */
export function smtpError(error: unknown): MailProviderError {
  const e = error as SmtpFailure;
  const words = (e.response ?? e.message ?? String(error)).trim();
  const code = e.responseCode;
  const extra = { status: code, cause: error };
  if (e.code === "EAUTH" || code === 530 || code === 534 || code === 535) return new MailProviderError("auth_failed", "smtp", words, extra);
  if (code !== undefined && code >= 400 && code < 500) return new MailProviderError("transient", "smtp", words, extra);
  if (code !== undefined && code >= 500) return new MailProviderError("permanent", "smtp", words, extra);
  if (e.code && CONNECTION_CODES.has(e.code)) return new MailProviderError("transient", "smtp", words, extra);
  if (e.code === "EENVELOPE" || e.code === "EMESSAGE") return new MailProviderError("permanent", "smtp", words, extra);
  return new MailProviderError("transient", "smtp", words, extra);
}

export function smtpTransportOptions(credentials: SmtpCredentials): SMTPTransport.Options {
  return {
    host: credentials.host,
    port: credentials.port,
    secure: credentials.secure,
    requireTLS: credentials.requireTls,
    auth: { user: credentials.username, pass: credentials.password },
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  };
}

export function createSmtpProvider({ credentials }: { credentials: SmtpCredentials }): MailProvider {
  return {
    name: "smtp",
    async send({ message }) {
      const transport = nodemailer.createTransport(smtpTransportOptions(credentials));
      try {
        const info = await transport.sendMail({ envelope: message.envelope, raw: message.raw });
        const rejected = (info.rejected ?? []).map(String);
        if (info.accepted.length === 0) {
          throw new MailProviderError("permanent", "smtp", info.response || `All recipients were rejected: ${rejected.join(", ")}`);
        }
        // SMTP hands back no id of its own worth keeping (queue ids are per hop): our Message-ID is the id.
        return { providerMessageId: message.messageId, providerThreadId: null };
      } catch (error) {
        throw error instanceof MailProviderError ? error : smtpError(error);
      } finally {
        transport.close();
      }
    },
  };
}

/** Used when a mailbox is saved: connects, negotiates TLS if offered, and logs in. Throws MailProviderError. */
export async function verifySmtp(credentials: SmtpCredentials): Promise<true> {
  const transport = nodemailer.createTransport(smtpTransportOptions(credentials));
  try {
    await transport.verify();
    return true;
  } catch (error) {
    throw smtpError(error);
  } finally {
    transport.close();
  }
}
