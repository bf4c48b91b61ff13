// The embedded executor's signing key and event key, generated once into DATA_DIR (like lib/env.ts's secrets)
// so the app and a separate `npm run jobs` process on the same machine agree on them across restarts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface LocalKeys {
  signingKey: string;
  eventKey: string;
}

const cache = new Map<string, LocalKeys>();

function generate(): LocalKeys {
  // The SDK hashes the hex part of a signing key (hex-decoded), so it must be hex.
  return { signingKey: `signkey-local-${randomBytes(32).toString("hex")}`, eventKey: randomBytes(32).toString("hex") };
}

export function localKeys(dataDir: string): LocalKeys {
  const file = path.resolve(dataDir, "inngest-keys.json");
  const cached = cache.get(file);
  if (cached) return cached;
  let keys: LocalKeys;
  try {
    keys = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    const fresh = generate();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
      keys = fresh;
    } catch {
      // Another process wrote it first: use theirs.
      keys = JSON.parse(fs.readFileSync(file, "utf8"));
    }
  }
  cache.set(file, keys);
  return keys;
}
