// Stores the signing secret of a Resend mailbox's webhook beside its API key (both encrypted), which switches
// on /api/webhooks/resend/<mailboxId> for that mailbox.
import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { decryptMailboxCredentials, encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import type { UpdateResendWebhookSecretInput } from "./update-resend-webhook-secret.schema";

export async function updateResendWebhookSecret({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: UpdateResendWebhookSecretInput }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx.select().from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, input.mailboxId))).for("update");
    if (!row) throw notFound("That mailbox");
    const credentials = row.provider === "resend" && row.credentialsCiphertext ? decryptMailboxCredentials({ mailboxId: row.id, ciphertext: row.credentialsCiphertext }) : null;
    if (credentials?.provider !== "resend") throw new AppError("invalid_input", "Only a Resend mailbox takes a Resend webhook secret.");
    await tx
      .update(mailboxes)
      .set(encryptMailboxCredentials({ mailboxId: row.id, credentials: { ...credentials, webhookSecret: input.webhookSecret } }))
      .where(eq(mailboxes.id, row.id));
    await recordAudit(tx, { teamId, actorUserId, action: "mailbox.webhook_secret_updated", targetType: "mailbox", targetId: row.id, metadata: { provider: "resend", replaced: !!credentials.webhookSecret } });
  });
}
