// Secrets at rest (OAuth tokens, SMTP passwords): AES-256-GCM with a fresh 12-byte nonce per write and
// the owning row's id as associated data, so a ciphertext copied onto another row does not decrypt.
// Stored form: "v1.<keyId>.<nonce>.<ciphertext+tag>", base64url parts; the key id also goes in its own column.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { keyringFromEnv, type Keyring } from "@/lib/crypto/keyring";

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = /^v1\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

// The version and key id are authenticated too: rewriting the header cannot make a value decrypt differently.
function aad(keyId: string, associatedData: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}\0${associatedData}`, "utf8");
}

export function encryptSecret({
  plaintext,
  associatedData,
  keyring = keyringFromEnv(),
}: {
  plaintext: string;
  /** The owning row's id. */
  associatedData: string;
  keyring?: Keyring;
}): { ciphertext: string; keyId: string } {
  if (!associatedData) throw new Error("encryptSecret needs associated data (the row id)");
  const { id, key } = keyring.current;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(id, associatedData));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: `${VERSION}.${id}.${nonce.toString("base64url")}.${body.toString("base64url")}`, keyId: id };
}

/** The key id a stored value was written with, or null if it is not one of ours. */
export function ciphertextKeyId(ciphertext: string): string | null {
  return FORMAT.exec(ciphertext)?.[1] ?? null;
}

export function decryptSecret({
  ciphertext,
  associatedData,
  keyring = keyringFromEnv(),
}: {
  ciphertext: string;
  associatedData: string;
  keyring?: Keyring;
}): string {
  const match = FORMAT.exec(ciphertext);
  if (!match) throw new DecryptionError("The stored secret is not in a format this app wrote.");
  const [, keyId, nonceB64, bodyB64] = match;
  const entry = keyring.byId.get(keyId);
  if (!entry) {
    throw new DecryptionError(
      `The stored secret was encrypted with key ${keyId}, which is neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_PREVIOUS.`,
    );
  }
  const body = Buffer.from(bodyB64, "base64url");
  if (body.length < TAG_BYTES) throw new DecryptionError("The stored secret is truncated.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(nonceB64, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId, associatedData));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("The stored secret failed authentication: it was altered, or it belongs to another row.");
  }
}

/** True when the value should be rewritten under the current key (rotation). */
export function needsReencryption(ciphertext: string, keyring: Keyring = keyringFromEnv()): boolean {
  return ciphertextKeyId(ciphertext) !== keyring.current.id;
}
