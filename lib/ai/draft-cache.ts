// Cached drafts: same team, same prompt, same model → the same text back at once, without a model call.
import "server-only";
import { createHash } from "node:crypto";
import type { EmailPrompt } from "@/lib/ai/build-email-prompt";
import { getStore, type KeyValueStore } from "@/lib/redis";

export type CachedDraft = { text: string; label: string; createdAt: string };

// Long enough for a rep's session and the next day's follow-up; short enough that stale drafts age out.
const TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * The key hashes the built prompt (so a change to the prompt rules invalidates old drafts on its own),
 * the model identity, and the team (so one team's inputs can never be probed through another's hits).
 */
export function draftCacheKey(args: { teamId: string; modelId: string; prompt: EmailPrompt }): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([args.teamId, args.modelId, args.prompt.system, args.prompt.prompt]))
    .digest("base64url");
  return `ai:draft:${hash}`;
}

export async function readCachedDraft(key: string, store: KeyValueStore = getStore()): Promise<CachedDraft | null> {
  try {
    const value = await store.get<CachedDraft>(key);
    return value && typeof value.text === "string" && value.text.length > 0 ? value : null;
  } catch (error) {
    // A cache outage must not stop drafting: treat it as a miss.
    console.warn("[ai] draft cache read failed", error);
    return null;
  }
}

export async function writeCachedDraft(key: string, draft: CachedDraft, store: KeyValueStore = getStore()): Promise<void> {
  try {
    await store.set(key, draft, { ttlSeconds: TTL_SECONDS });
  } catch (error) {
    console.warn("[ai] draft cache write failed", error);
  }
}
