// Key rotation for mailbox credentials: rewrite every ciphertext that is not under the current key.
import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { ciphertextKeyId, decryptSecret, encryptSecret } from "@/lib/crypto";
import { keyringFromEnv, type Keyring } from "@/lib/crypto/keyring";
import { teamScope } from "@/lib/teams/team-scope";

export type ReencryptResult = { checked: number; reencrypted: number; failed: { mailboxId: string; reason: string }[] };

/**
 * One transaction per row (row-locked, re-read inside), so a failure leaves every other row done and a re-run
 * picks up exactly what is left: rows already under the current key are skipped.
 */
export async function reencryptMailboxCredentials({
  teamId,
  keyring = keyringFromEnv(),
}: {
  teamId: string;
  keyring?: Keyring;
}): Promise<ReencryptResult> {
  const rows = await teamScope(teamId, (tx) =>
    tx
      .select({ id: mailboxes.id })
      .from(mailboxes)
      .where(and(eq(mailboxes.teamId, teamId), isNotNull(mailboxes.credentialsCiphertext))),
  );
  const result: ReencryptResult = { checked: rows.length, reencrypted: 0, failed: [] };
  for (const { id } of rows) {
    try {
      const changed = await teamScope(teamId, async (tx) => {
        const [row] = await tx
          .select({ ciphertext: mailboxes.credentialsCiphertext, keyId: mailboxes.credentialsKeyId })
          .from(mailboxes)
          .where(and(eq(mailboxes.id, id), eq(mailboxes.teamId, teamId)))
          .for("update");
        if (!row?.ciphertext) return false;
        if (ciphertextKeyId(row.ciphertext) === keyring.current.id && row.keyId === keyring.current.id) return false;
        const plaintext = decryptSecret({ ciphertext: row.ciphertext, associatedData: id, keyring });
        const next = encryptSecret({ plaintext, associatedData: id, keyring });
        await tx
          .update(mailboxes)
          .set({ credentialsCiphertext: next.ciphertext, credentialsKeyId: next.keyId })
          .where(and(eq(mailboxes.id, id), eq(mailboxes.teamId, teamId)));
        return true;
      });
      if (changed) result.reencrypted++;
    } catch (error) {
      result.failed.push({ mailboxId: id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/**
 * Operator-only: the teams that hold any mailbox credentials. The one query here without a team id, because
 * rotation runs across the whole install; each team's rows are then rewritten inside its own teamScope.
 */
export async function listTeamsWithMailboxCredentials(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ teamId: mailboxes.teamId })
    .from(mailboxes)
    .where(isNotNull(mailboxes.credentialsCiphertext));
  return rows.map((r) => r.teamId);
}
