import "server-only";
import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import type { CreateResendMailboxInput } from "./create-mailbox.schema";

/** Checks the key against Resend and that the address's domain is verified there (when the key may list domains). */
async function verifyResendSender(apiKey: string, address: string) {
  const baseUrl = env().RESEND_BASE_URL;
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const { data, error } = await client.domains.list();
  // A sending-only key cannot list domains; Resend itself then refuses unverified senders at send time.
  if (error?.name === "restricted_api_key") return;
  if (error || !data) throw new AppError("invalid_input", `Resend refused this API key: ${error?.message ?? "no answer"}`, { fields: { apiKey: ["Check the API key."] } });
  const domain = address.split("@")[1];
  const found = data.data.find((d) => d.name.toLowerCase() === domain);
  if (!found) throw new AppError("invalid_input", `${domain} is not a sending domain in this Resend account. Add and verify it under Resend → Domains.`, { fields: { email: ["Domain not in Resend."] } });
  if (found.status !== "verified") throw new AppError("invalid_input", `${domain} is ${found.status} in Resend; finish its DNS verification first.`, { fields: { email: ["Domain not verified yet."] } });
}

export async function createResendMailbox({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: CreateResendMailboxInput }) {
  await verifyResendSender(input.apiKey, input.email);
  const id = randomUUID(); // chosen first: it is the encryption's associated data
  return teamScope(teamId, async (tx) => {
    const [row] = await tx
      .insert(mailboxes)
      .values({ id, teamId, provider: "resend", email: input.email, displayName: input.displayName, ownerUserId: actorUserId, status: "active", ...encryptMailboxCredentials({ mailboxId: id, credentials: { provider: "resend", apiKey: input.apiKey, webhookSecret: input.webhookSecret } }) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", `${input.email} is already connected to this team.`, { fields: { email: ["Already connected."] } });
    await recordAudit(tx, { teamId, actorUserId, action: "mailbox.connected", targetType: "mailbox", targetId: row.id, metadata: { provider: "resend" } });
    return row;
  });
}
