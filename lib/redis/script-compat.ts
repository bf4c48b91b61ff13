// Lets Lua scripts written for Upstash run on a plain redis-server (7.0 and later).
//
// @upstash/ratelimit >= 2.1 starts its scripts with `#!lua flags=allow-key-locking`; redis-server
// 7.0 rejects the unknown flag ("Unexpected flag in script shebang"). We drop that flag (and the
// whole shebang line once no flag is left). The library then calls EVALSHA with the SHA-1 of the
// *original* text, which redis-server never saw, so we remember original SHA → stripped script.
import { createHash } from "node:crypto";

const UNSUPPORTED_FLAGS = new Set(["allow-key-locking"]);
/** Distinct scripts are few (one per algorithm); the cap only guards against generated scripts. */
const MAX_REMEMBERED_SCRIPTS = 1_000;

export function sha1Hex(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

/** The script without flags redis-server does not know; unchanged if it has none. */
export function stripUnsupportedScriptFlags(script: string): string {
  const match = /^#!lua[^\n]*(\n|$)/.exec(script);
  if (!match) return script;
  const line = match[0].trimEnd();
  const flagsMatch = /\bflags=(\S*)/.exec(line);
  if (!flagsMatch) return script;
  const kept = flagsMatch[1].split(",").filter((flag) => flag && !UNSUPPORTED_FLAGS.has(flag));
  const rest = script.slice(match[0].length);
  if (kept.length === 0) return rest;
  return `${line.replace(flagsMatch[0], `flags=${kept.join(",")}`)}\n${rest}`;
}

export type CompatScript = {
  /** SHA-1 of the text the caller sent (what it will use with EVALSHA). */
  originalSha: string;
  /** SHA-1 of the text redis-server actually caches. */
  sha: string;
  script: string;
};

export class ScriptCompatRegistry {
  private readonly byOriginalSha = new Map<string, CompatScript>();

  /** Records the script if it needed rewriting; returns what to send to redis-server. */
  register(original: string): CompatScript {
    const script = stripUnsupportedScriptFlags(original);
    const originalSha = sha1Hex(original);
    if (script === original) return { originalSha, sha: originalSha, script };
    const known = this.byOriginalSha.get(originalSha);
    if (known) return known;
    const entry = { originalSha, sha: sha1Hex(script), script };
    if (this.byOriginalSha.size >= MAX_REMEMBERED_SCRIPTS) {
      const oldest = this.byOriginalSha.keys().next().value;
      if (oldest !== undefined) this.byOriginalSha.delete(oldest);
    }
    this.byOriginalSha.set(originalSha, entry);
    return entry;
  }

  /** The rewritten script behind a SHA the caller computed, if we rewrote it. */
  lookup(originalSha: string): CompatScript | undefined {
    return this.byOriginalSha.get(originalSha.toLowerCase());
  }
}
