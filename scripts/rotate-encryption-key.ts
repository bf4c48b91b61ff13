// Re-encrypts every mailbox credential under the current ENCRYPTION_KEY.
// Rotation: move the old key into ENCRYPTION_KEYS_PREVIOUS, set the new ENCRYPTION_KEY, deploy, run this,
// then (once it reports 0 failed) drop the old key from ENCRYPTION_KEYS_PREVIOUS. Safe to run again at any time.
import { database } from "@/db";
import { keyringFromEnv } from "@/lib/crypto/keyring";
import { listTeamsWithMailboxCredentials, reencryptMailboxCredentials } from "@/lib/crypto/reencrypt-mailbox-credentials";

async function main() {
  const keyring = keyringFromEnv();
  console.log(`current_key_id=${keyring.current.id}`);
  console.log(`known_key_ids=${[...keyring.byId.keys()].join(",")}`);
  let checked = 0;
  let reencrypted = 0;
  let failed = 0;
  for (const teamId of await listTeamsWithMailboxCredentials()) {
    const r = await reencryptMailboxCredentials({ teamId, keyring });
    checked += r.checked;
    reencrypted += r.reencrypted;
    failed += r.failed.length;
    for (const f of r.failed) console.error(`failed team=${teamId} mailbox=${f.mailboxId}: ${f.reason}`);
  }
  console.log(`mailboxes_checked=${checked}`);
  console.log(`mailboxes_reencrypted=${reencrypted}`);
  console.log(`mailboxes_failed=${failed}`);
  await (await database()).close();
  if (failed > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
