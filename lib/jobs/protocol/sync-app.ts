// Learning an app's functions: an in-band sync (a signed PUT to its serve endpoint, answered with the list).
import { z } from "zod";
import { canonicalJson } from "./canonical-json";
import { signBody, verifySignature } from "./signature";
import { syncedFunctionSchema, type SyncedFunction } from "./function-config";

export const registerBodySchema = z.looseObject({
  url: z.string(),
  appName: z.string().optional(),
  app_id: z.string().optional(),
  functions: z.array(z.unknown()).default([]),
});

export interface SyncedApp {
  appId: string;
  url: string;
  functions: SyncedFunction[];
  invalid: { id: string; problem: string }[];
}

export function readAppDefinition(body: unknown): SyncedApp {
  const parsed = registerBodySchema.parse(body);
  const functions: SyncedFunction[] = [];
  const invalid: SyncedApp["invalid"] = [];
  for (const raw of parsed.functions) {
    const fn = syncedFunctionSchema.safeParse(raw);
    if (fn.success) functions.push(fn.data);
    else invalid.push({ id: String((raw as { id?: unknown })?.id ?? "?"), problem: fn.error.message });
  }
  return { appId: parsed.app_id ?? parsed.appName ?? "", url: parsed.url, functions, invalid };
}

export class SyncError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = "SyncError";
  }
}

export async function syncApp(options: { serveUrl: string; signingKey: string | null; fetch?: typeof fetch }): Promise<SyncedApp> {
  const body = canonicalJson({ url: options.serveUrl });
  const headers: Record<string, string> = { "content-type": "application/json", "x-inngest-sync-kind": "in_band" };
  if (options.signingKey) headers["x-inngest-signature"] = signBody(body, options.signingKey);
  const res = await (options.fetch ?? fetch)(options.serveUrl, { method: "PUT", headers, body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (res.status !== 200) throw new SyncError(`Sync of ${options.serveUrl} answered ${res.status}: ${text.slice(0, 300)}`, res.status);
  if (res.headers.get("x-inngest-sync-kind") !== "in_band") {
    throw new SyncError(`${options.serveUrl} did not sync in band (is INNGEST_ALLOW_IN_BAND_SYNC=0 set?)`, res.status);
  }
  if (options.signingKey && !verifySignature(res.headers.get("x-inngest-signature"), text, options.signingKey)) {
    throw new SyncError(`${options.serveUrl} answered the sync without a valid signature`, res.status);
  }
  return readAppDefinition(JSON.parse(text));
}
