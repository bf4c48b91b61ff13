import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { buildKeyring } from "@/lib/crypto/keyring";
import { reencryptMailboxCredentials } from "@/lib/crypto/reencrypt-mailbox-credentials";
import { decryptMailboxCredentials, encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { createUserWithTeam } from "../support/factories";

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
const oldRing = buildKeyring({ current: oldKey });
const rotatedRing = buildKeyring({ current: newKey, previous: [oldKey] });
const newOnly = buildKeyring({ current: newKey });

async function mailboxWithSecret(teamId: string, refreshToken: string) {
  const id = randomUUID();
  const { ciphertext, keyId } = encryptSecret({ plaintext: JSON.stringify({ provider: "gmail", refreshToken }), associatedData: id, keyring: oldRing });
  const db = await getDb();
  await db.insert(mailboxes).values({ id, teamId, provider: "gmail", email: `m-${id.slice(0, 8)}@acme.test`, credentialsCiphertext: ciphertext, credentialsKeyId: keyId });
  return id;
}

/** Every column of every mailbox row as text: what a database dump would contain. */
async function dumpMailboxes(): Promise<string> {
  const db = await getDb();
  const rows = await db.execute<{ row: string }>(sql`select m::text as row from mailboxes m`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { row: string }[] }).rows).map((r) => r.row).join("\n");
}

describe("mailbox credentials at rest", () => {
  it("store only ciphertext: the table dump contains no token", async () => {
    const { team } = await createUserWithTeam("dump");
    const id = randomUUID();
    const token = `1//0g-${randomBytes(12).toString("hex")}`;
    await (await getDb()).insert(mailboxes).values({ id, teamId: team.id, provider: "gmail", email: `d-${id.slice(0, 6)}@acme.test`, ...encryptMailboxCredentials({ mailboxId: id, credentials: { provider: "gmail", refreshToken: token } }) });
    const dump = await dumpMailboxes();
    expect(dump).toContain(id);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(Buffer.from(token).toString("base64"));
    const [row] = await (await getDb()).select().from(mailboxes).where(eq(mailboxes.id, id));
    expect(decryptMailboxCredentials({ mailboxId: id, ciphertext: row.credentialsCiphertext! })).toMatchObject({ refreshToken: token });
    // The ciphertext is bound to its row.
    expect(() => decryptMailboxCredentials({ mailboxId: randomUUID(), ciphertext: row.credentialsCiphertext! })).toThrow();
  });

  it("re-encrypts every row under the new key, per row and idempotently", async () => {
    const { team } = await createUserWithTeam("rotate");
    const tokens = ["tok-a", "tok-b", "tok-c"].map((t) => `${t}-${randomBytes(6).toString("hex")}`);
    const ids = [];
    for (const t of tokens) ids.push(await mailboxWithSecret(team.id, t));
    const { team: otherTeam } = await createUserWithTeam("untouched");
    const otherId = await mailboxWithSecret(otherTeam.id, "other-team-token");

    const first = await reencryptMailboxCredentials({ teamId: team.id, keyring: rotatedRing });
    expect(first).toEqual({ checked: 3, reencrypted: 3, failed: [] });
    const db = await getDb();
    for (const [i, id] of ids.entries()) {
      const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id));
      expect(row.credentialsKeyId).toBe(newOnly.current.id);
      expect(JSON.parse(decryptSecret({ ciphertext: row.credentialsCiphertext!, associatedData: id, keyring: newOnly })).refreshToken).toBe(tokens[i]);
    }
    expect(await reencryptMailboxCredentials({ teamId: team.id, keyring: rotatedRing })).toEqual({ checked: 3, reencrypted: 0, failed: [] });
    const [other] = await db.select().from(mailboxes).where(eq(mailboxes.id, otherId));
    expect(other.credentialsKeyId).toBe(oldRing.current.id);
  });

  it("reports a row it cannot decrypt and still rotates the others", async () => {
    const { team } = await createUserWithTeam("partial");
    const good = await mailboxWithSecret(team.id, "good-token");
    const bad = randomUUID();
    const stray = encryptSecret({ plaintext: "x", associatedData: bad, keyring: buildKeyring({ current: randomBytes(32).toString("base64") }) });
    await (await getDb()).insert(mailboxes).values({ id: bad, teamId: team.id, provider: "smtp", email: `bad-${bad.slice(0, 6)}@acme.test`, credentialsCiphertext: stray.ciphertext, credentialsKeyId: stray.keyId });
    const result = await reencryptMailboxCredentials({ teamId: team.id, keyring: rotatedRing });
    expect(result.reencrypted).toBe(1);
    expect(result.failed).toEqual([{ mailboxId: bad, reason: expect.stringContaining("ENCRYPTION_KEYS_PREVIOUS") }]);
    const [row] = await (await getDb()).select().from(mailboxes).where(eq(mailboxes.id, good));
    expect(row.credentialsKeyId).toBe(newOnly.current.id);
  });

  // The script needs a database a second process can open: the Postgres run has one, in-memory PGlite does not.
  it.skipIf(!process.env.DATABASE_URL)("scripts/rotate-encryption-key.ts rotates the whole install from the command line", async () => {
    // The script rotates the whole install: start from a table holding only rows it must be able to read
    // (earlier tests in this file leave a deliberately undecryptable one).
    await (await getDb()).delete(mailboxes);
    const { team } = await createUserWithTeam("script");
    const id = await mailboxWithSecret(team.id, "script-token");
    const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "scripts/rotate-encryption-key.ts"], {
      env: { ...process.env, ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_PREVIOUS: oldKey },
      timeout: 60_000,
    });
    expect(stdout).toContain(`current_key_id=${newOnly.current.id}`);
    expect(stdout).toMatch(/mailboxes_failed=0/);
    const [row] = await (await getDb()).select().from(mailboxes).where(eq(mailboxes.id, id));
    expect(row.credentialsKeyId).toBe(newOnly.current.id);
    expect(JSON.parse(decryptSecret({ ciphertext: row.credentialsCiphertext!, associatedData: id, keyring: newOnly })).refreshToken).toBe("script-token");
  }, 90_000);
});
