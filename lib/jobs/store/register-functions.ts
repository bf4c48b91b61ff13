// Storing a synced app's functions (only what changed) and keeping one pending tick per cron trigger.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { jobFunctions, jobQueue } from "@/db/schema/jobs";
import { nextCronTime, parseCron } from "../cron/cron-schedule";
import { assertParses } from "../expressions";
import { configHash, toFunctionDef, type FunctionDef } from "../protocol/function-config";
import type { SyncedApp } from "../protocol/sync-app";
import { enqueue, type NewWorkItem } from "./queue";

export interface RegisterResult {
  modified: boolean;
  functions: string[];
  problems: { id: string; problem: string }[];
}

export const cronKey = (functionId: string, cron: string) => `cron:${functionId}:${cron}`;

function checkExpressions(def: FunctionDef): void {
  for (const t of def.triggers) if ("event" in t && t.expression) assertParses(t.expression);
  for (const c of def.cancel) if (c.if) assertParses(c.if);
  for (const k of [def.idempotency, def.throttle?.key, def.rateLimit?.key, def.debounce?.key, def.singleton?.key]) if (k) assertParses(k);
  for (const c of def.concurrency) if (c.key) assertParses(c.key);
}

export async function registerApp(db: Db, app: SyncedApp, now: Date): Promise<RegisterResult> {
  const problems = [...app.invalid];
  const defs: { def: FunctionDef; raw: Record<string, unknown>; hash: string }[] = [];
  for (const raw of app.functions) {
    try {
      const def = toFunctionDef(raw);
      checkExpressions(def);
      defs.push({ def, raw, hash: configHash(raw) });
    } catch (error) {
      problems.push({ id: raw.id, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  const appId = app.appId || (defs[0]?.def.id.split("-")[0] ?? "app");

  const modified = await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: jobFunctions.id, hash: jobFunctions.configHash, removedAt: jobFunctions.removedAt })
      .from(jobFunctions)
      .where(eq(jobFunctions.appId, appId));
    const known = new Map(existing.map((e) => [e.id, e]));
    let changed = false;
    for (const { def, raw, hash } of defs) {
      const prior = known.get(def.id);
      if (prior && prior.hash === hash && !prior.removedAt) continue;
      changed = true;
      const values = { appId, name: def.name, url: def.url, triggers: def.triggers, config: raw, configHash: hash, syncedAt: now, removedAt: null };
      await tx.insert(jobFunctions).values({ id: def.id, ...values }).onConflictDoUpdate({ target: jobFunctions.id, set: values });
    }
    const current = new Set(defs.map((d) => d.def.id));
    const gone = existing.filter((e) => !current.has(e.id) && !e.removedAt).map((e) => e.id);
    if (gone.length) {
      changed = true;
      await tx.update(jobFunctions).set({ removedAt: now }).where(inArray(jobFunctions.id, gone));
    }

    const ticks: NewWorkItem[] = [];
    const wanted: string[] = [];
    for (const { def } of defs) {
      for (const t of def.triggers) {
        if (!("cron" in t)) continue;
        try {
          const at = nextCronTime(parseCron(t.cron), now);
          if (!at) continue;
          wanted.push(cronKey(def.id, t.cron));
          ticks.push({ runId: null, kind: "cron", payload: { functionId: def.id, cron: t.cron }, runAt: at, dedupeKey: cronKey(def.id, t.cron) });
        } catch (error) {
          problems.push({ id: def.id, problem: `cron "${t.cron}": ${error instanceof Error ? error.message : error}` });
        }
      }
    }
    // Ticks of triggers that no longer exist go; existing ticks stay as scheduled (dedupe key).
    const allIds = [...new Set([...existing.map((e) => e.id), ...current])];
    if (allIds.length) {
      await tx.delete(jobQueue).where(
        and(
          eq(jobQueue.kind, "cron"),
          sql`${jobQueue.payload}->>'functionId' in ${allIds}`,
          wanted.length ? sql`${jobQueue.dedupeKey} not in ${wanted}` : sql`true`,
        ),
      );
    }
    await enqueue(tx, ticks, now);
    return changed;
  });
  return { modified, functions: defs.map((d) => d.def.id), problems };
}
