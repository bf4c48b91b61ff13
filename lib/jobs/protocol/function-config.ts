// A synced function as the SDK describes it (its sync payload), read into the shape the executor works with.
import { createHash } from "node:crypto";
import { z } from "zod";
import { parseDuration } from "../durations";
import { canonicalJson } from "./canonical-json";

const keyed = { key: z.string().optional() };

export const syncedFunctionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z
    .array(z.union([z.object({ event: z.string(), expression: z.string().optional() }), z.object({ cron: z.string() })]))
    .default([]),
  steps: z.record(
    z.string(),
    z.looseObject({
      runtime: z.looseObject({ url: z.string() }),
      retries: z.object({ attempts: z.number().int().min(0).optional() }).optional(),
    }),
  ),
  idempotency: z.string().optional(),
  concurrency: z
    .union([
      z.number(),
      z.object({ limit: z.number(), ...keyed, scope: z.enum(["fn", "env", "account"]).optional() }),
      z.array(z.object({ limit: z.number(), ...keyed, scope: z.enum(["fn", "env", "account"]).optional() })),
    ])
    .optional(),
  throttle: z.object({ limit: z.number(), period: z.string(), burst: z.number().optional(), ...keyed }).optional(),
  rateLimit: z.object({ limit: z.number(), period: z.string(), ...keyed }).optional(),
  debounce: z.object({ period: z.string(), timeout: z.string().optional(), ...keyed }).optional(),
  singleton: z.object({ mode: z.enum(["skip", "cancel"]), ...keyed }).optional(),
  cancel: z.array(z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() })).optional(),
});
export type SyncedFunction = z.infer<typeof syncedFunctionSchema>;

export type Trigger = { event: string; expression?: string } | { cron: string };

export interface FunctionDef {
  id: string;
  name: string;
  url: string;
  triggers: Trigger[];
  maxAttempts: number;
  concurrency: { limit: number; key: string | null; scope: "fn" | "env" | "account" }[];
  throttle: { limit: number; periodMs: number; burst: number; key: string | null } | null;
  rateLimit: { limit: number; periodMs: number; key: string | null } | null;
  debounce: { periodMs: number; timeoutMs: number | null; key: string | null } | null;
  singleton: { mode: "skip" | "cancel"; key: string | null } | null;
  idempotency: string | null;
  cancel: { event: string; if: string | null; timeoutMs: number | null }[];
}

const DEFAULT_RETRIES = 3;

function period(value: string): number {
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) throw new Error(`Unreadable period "${value}"`);
  return ms;
}

export function toFunctionDef(raw: SyncedFunction): FunctionDef {
  const step = raw.steps.step ?? Object.values(raw.steps)[0];
  if (!step) throw new Error(`Function ${raw.id} has no step URL`);
  const c = raw.concurrency;
  const concurrency = (typeof c === "number" ? [{ limit: c }] : Array.isArray(c) ? c : c ? [c] : [])
    .filter((x) => x.limit > 0)
    .map((x) => ({ limit: x.limit, key: "key" in x ? (x.key ?? null) : null, scope: ("scope" in x && x.scope) || "fn" }));
  return {
    id: raw.id,
    name: raw.name ?? raw.id,
    url: step.runtime.url,
    triggers: raw.triggers,
    maxAttempts: (step.retries?.attempts ?? DEFAULT_RETRIES) + 1,
    concurrency,
    throttle: raw.throttle
      ? { limit: raw.throttle.limit, periodMs: period(raw.throttle.period), burst: raw.throttle.burst ?? 0, key: raw.throttle.key ?? null }
      : null,
    rateLimit: raw.rateLimit
      ? { limit: raw.rateLimit.limit, periodMs: period(raw.rateLimit.period), key: raw.rateLimit.key ?? null }
      : null,
    debounce: raw.debounce
      ? {
          periodMs: period(raw.debounce.period),
          timeoutMs: raw.debounce.timeout ? period(raw.debounce.timeout) : null,
          key: raw.debounce.key ?? null,
        }
      : null,
    singleton: raw.singleton ? { mode: raw.singleton.mode, key: raw.singleton.key ?? null } : null,
    idempotency: raw.idempotency ?? null,
    cancel: (raw.cancel ?? []).map((r) => ({
      event: r.event,
      if: r.if ?? null,
      timeoutMs: r.timeout ? parseDuration(r.timeout) : null,
    })),
  };
}

export function configHash(raw: unknown): string {
  return createHash("sha256").update(canonicalJson(raw)).digest("hex");
}
