// The content of a received email: an email.received webhook carries only metadata, so the bodies and headers
// come from GET /emails/receiving/:id, and the original RFC 822 message from its signed raw.download_url.
import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { resendReceivedEmailSchema, type ResendReceivedEmail } from "./resend-event.schema";

// Resend accepts inbound messages up to 40 MB; a bigger answer is not a message we asked for.
const MAX_RAW_BYTES = 45 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

async function downloadRaw(url: string): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "follow" });
  if (!res.ok) throw new Error(`raw download answered ${res.status}`);
  if (Number(res.headers.get("content-length") ?? 0) > MAX_RAW_BYTES) throw new Error("raw message too large");
  const raw = Buffer.from(await res.arrayBuffer());
  if (raw.length > MAX_RAW_BYTES) throw new Error("raw message too large");
  return raw;
}

/**
 * The received email and, when Resend offers it and it downloads, its raw source (preferred for ingest:
 * it keeps every header and the report parts of a DSN). Throws AppError("unavailable") when Resend does not
 * answer, so the webhook fails and Resend delivers it again later.
 */
export async function fetchReceivedEmail({ apiKey, emailId }: { apiKey: string; emailId: string }): Promise<{ email: ResendReceivedEmail; raw: Buffer | null }> {
  const baseUrl = env().RESEND_BASE_URL;
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const { data, error } = await client.emails.receiving.get(emailId);
  if (error || !data) {
    throw new AppError("unavailable", `Resend did not return received email ${emailId}: ${error?.message ?? "no answer"}`);
  }
  const parsed = resendReceivedEmailSchema.safeParse(data);
  if (!parsed.success) throw new AppError("unavailable", `Resend returned received email ${emailId} in an unexpected shape.`, { cause: parsed.error });
  const email = parsed.data;
  if (!email.raw) return { email, raw: null };
  try {
    return { email, raw: await downloadRaw(email.raw.download_url) };
  } catch (cause) {
    // The JSON already holds what matching needs (headers, bodies); losing the raw only loses report parts.
    console.warn("[resend] raw download failed; ingesting the API's JSON instead", { emailId, cause });
    return { email, raw: null };
  }
}
