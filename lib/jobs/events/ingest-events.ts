// The event API's core: validate what inngest.send() / step.sendEvent posted, give each event its id
// (the sender's, or one derived from the SDK's id seed so its retries are idempotent) and emit them.
import { z } from "zod";
import type { EngineContext } from "../engine-context";
import { ulid, ulidFromSeed } from "../ids";
import type { EventPayload } from "../store/create-runs";
import { emitEvents, type EmitResult } from "./emit-events";

const incomingEventSchema = z.looseObject({
  name: z.string().min(1).max(256),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().min(1).max(512).nullish(),
  ts: z.number().nullish(),
  v: z.string().nullish(),
});

export const incomingEventsSchema = z.union([z.array(incomingEventSchema), incomingEventSchema]);

export class EventRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EventRejected";
  }
}

export function toEventPayloads(body: unknown, seed: string | null, now: Date): EventPayload[] {
  const parsed = incomingEventsSchema.safeParse(body);
  if (!parsed.success) throw new EventRejected(`Invalid event payload: ${parsed.error.issues[0]?.message ?? "unreadable"}`);
  const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return list.map((e, index) => {
    // Reserved names are the executor's own (function.failed starts onFailure handlers): never accepted from outside.
    if (e.name.startsWith("inngest/")) throw new EventRejected(`Event name "${e.name}" is reserved`);
    const id = e.id ?? (seed ? ulidFromSeed(seed, index) : null) ?? ulid(now.getTime());
    const { name, data, ts, v, id: _id, ...rest } = e;
    return { ...rest, id, name, data: data ?? {}, ts: ts ?? now.getTime(), ...(v ? { v } : {}) };
  });
}

export async function ingestEvents(ctx: EngineContext, body: unknown, seed: string | null): Promise<{ ids: string[] } & EmitResult> {
  const now = ctx.clock.now();
  const events = toEventPayloads(body, seed, now);
  const result = await ctx.db.transaction(async (tx) => emitEvents(tx, { now, functions: await ctx.functions.load(tx) }, events));
  if (result.runs.length || result.resumed) ctx.onWork?.();
  return { ids: events.map((e) => e.id), ...result };
}
