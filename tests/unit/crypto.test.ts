import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ciphertextKeyId, DecryptionError, decryptSecret, encryptSecret, needsReencryption } from "@/lib/crypto";
import { buildKeyring, keyIdFor, keyringFromEnv } from "@/lib/crypto/keyring";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const ringA = buildKeyring({ current: keyA });
const rowId = randomUUID();
const secret = JSON.stringify({ refreshToken: "1//0gSECRET-refresh-token-value", password: "hunter2-correct-horse" });

function flipChar(s: string, index: number): string {
  const c = s[index];
  return s.slice(0, index) + (c === "A" ? "B" : "A") + s.slice(index + 1);
}

describe("encryptSecret / decryptSecret (AES-256-GCM)", () => {
  it("round-trips and writes a self-describing v1.<keyId>.<nonce>.<body> value", () => {
    const { ciphertext, keyId } = encryptSecret({ plaintext: secret, associatedData: rowId, keyring: ringA });
    expect(ciphertext).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(keyId).toBe(ringA.current.id);
    expect(ciphertextKeyId(ciphertext)).toBe(keyId);
    expect(decryptSecret({ ciphertext, associatedData: rowId, keyring: ringA })).toBe(secret);
  });

  it("uses a fresh nonce for every write, so equal secrets never give equal ciphertexts", () => {
    const values = Array.from({ length: 500 }, () => encryptSecret({ plaintext: secret, associatedData: rowId, keyring: ringA }).ciphertext);
    expect(new Set(values.map((v) => v.split(".")[2])).size).toBe(500);
    expect(new Set(values).size).toBe(500);
  });

  it("never contains the plaintext, raw or base64-encoded", () => {
    const { ciphertext } = encryptSecret({ plaintext: secret, associatedData: rowId, keyring: ringA });
    for (const needle of ["SECRET-refresh-token-value", "hunter2", Buffer.from(secret).toString("base64"), Buffer.from(secret).toString("base64url")]) {
      expect(ciphertext).not.toContain(needle);
    }
    expect(Buffer.from(ciphertext.split(".")[3], "base64url").toString("latin1")).not.toContain("hunter2");
  });

  it("detects tampering anywhere in the nonce, ciphertext or tag", () => {
    const { ciphertext } = encryptSecret({ plaintext: secret, associatedData: rowId, keyring: ringA });
    const bodyStart = ciphertext.lastIndexOf(".") + 1;
    const nonceStart = ciphertext.indexOf(".", 3) + 1;
    for (const index of [nonceStart, nonceStart + 7, bodyStart, bodyStart + 10, ciphertext.length - 2]) {
      expect(() => decryptSecret({ ciphertext: flipChar(ciphertext, index), associatedData: rowId, keyring: ringA })).toThrow(DecryptionError);
    }
    expect(() => decryptSecret({ ciphertext: ciphertext.slice(0, -4), associatedData: rowId, keyring: ringA })).toThrow(DecryptionError);
  });

  it("fails with the wrong associated data: a ciphertext moved to another row does not decrypt", () => {
    const { ciphertext } = encryptSecret({ plaintext: secret, associatedData: rowId, keyring: ringA });
    expect(() => decryptSecret({ ciphertext, associatedData: randomUUID(), keyring: ringA })).toThrow(/altered, or it belongs to another row/);
  });

  it("names the missing key when the value was written under a key the keyring does not hold", () => {
    const { ciphertext } = encryptSecret({ plaintext: secret, associatedData: rowId, keyring: ringA });
    const ringB = buildKeyring({ current: keyB });
    expect(() => decryptSecret({ ciphertext, associatedData: rowId, keyring: ringB })).toThrow(new RegExp(ringA.current.id));
  });

  it("rotates: the new keyring reads old values via the previous keys and re-encrypts under the new key", () => {
    const old = encryptSecret({ plaintext: secret, associatedData: rowId, keyring: ringA });
    const rotated = buildKeyring({ current: keyB, previous: [keyA] });
    expect(needsReencryption(old.ciphertext, rotated)).toBe(true);
    const plaintext = decryptSecret({ ciphertext: old.ciphertext, associatedData: rowId, keyring: rotated });
    const fresh = encryptSecret({ plaintext, associatedData: rowId, keyring: rotated });
    expect(fresh.keyId).toBe(keyIdFor(Buffer.from(keyB, "base64")));
    expect(needsReencryption(fresh.ciphertext, rotated)).toBe(false);
    // Once the old key is dropped, only the re-encrypted value still opens.
    const onlyB = buildKeyring({ current: keyB });
    expect(decryptSecret({ ciphertext: fresh.ciphertext, associatedData: rowId, keyring: onlyB })).toBe(secret);
    expect(() => decryptSecret({ ciphertext: old.ciphertext, associatedData: rowId, keyring: onlyB })).toThrow(DecryptionError);
  });

  it("derives short, distinct key ids and rejects keys that are not 32 bytes", () => {
    expect(keyIdFor(Buffer.from(keyA, "base64"))).not.toBe(keyIdFor(Buffer.from(keyB, "base64")));
    expect(keyIdFor(Buffer.from(keyA, "base64"))).toHaveLength(8);
    expect(() => buildKeyring({ current: randomBytes(16).toString("base64") })).toThrow(/32 bytes/);
  });

  it("reads ENCRYPTION_KEYS_PREVIOUS from the environment and refuses a malformed list", () => {
    const before = process.env.ENCRYPTION_KEYS_PREVIOUS;
    try {
      process.env.ENCRYPTION_KEYS_PREVIOUS = ` ${keyA} , ${keyB} `;
      const ring = keyringFromEnv();
      expect(ring.byId.has(keyIdFor(Buffer.from(keyA, "base64")))).toBe(true);
      expect(ring.byId.has(keyIdFor(Buffer.from(keyB, "base64")))).toBe(true);
      process.env.ENCRYPTION_KEYS_PREVIOUS = `${keyA},not-a-key`;
      expect(() => keyringFromEnv()).toThrow(/ENCRYPTION_KEYS_PREVIOUS/);
    } finally {
      if (before === undefined) delete process.env.ENCRYPTION_KEYS_PREVIOUS;
      else process.env.ENCRYPTION_KEYS_PREVIOUS = before;
    }
  });
});
