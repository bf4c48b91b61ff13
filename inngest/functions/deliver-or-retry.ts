// The send step's error policy, shared by one-off sends and sequence steps: credentials that will not heal stop
// retrying (the email stays queued until the mailbox is reconnected); a provider's Retry-After is honoured.
import { NonRetriableError, RetryAfterError } from "inngest";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import { deliverEmail, type DeliveryOutcome } from "@/lib/sending/deliver-email";

export async function deliverOrRetry(input: { teamId: string; emailId: string }): Promise<DeliveryOutcome> {
  try {
    return await deliverEmail(input);
  } catch (error) {
    if (!(error instanceof MailProviderError)) throw error;
    if (error.kind === "auth_failed") throw new NonRetriableError(error.message, { cause: error });
    if (error.retryAfterSeconds) throw new RetryAfterError(error.message, error.retryAfterSeconds * 1000, { cause: error });
    throw error;
  }
}
