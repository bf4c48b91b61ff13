// A @upstash/redis Requester that runs commands on a plain redis-server through ioredis, so the
// same client code (cache, @upstash/ratelimit) works on self-hosted Redis and on Upstash.
//
// Wire shapes (from @upstash/redis 1.39 Command.exec / Pipeline.exec):
//   single      { body: ["set", "k", "v"] }                 → { result } | { error }
//   pipeline    { path: ["pipeline"],   body: [[...], ...] } → [{ result } | { error }, ...]
//   multi-exec  { path: ["multi-exec"], body: [[...], ...] } → same, run atomically
// `result` is the reply as Upstash's JSON would carry it after base64 decoding: strings, integers,
// null for nil, nested arrays. Deserialisation (JSON.parse of values, hgetall → object) is the
// client's job, so replies must stay raw.
import { errors, type Requester, type UpstashRequest, type UpstashResponse } from "@upstash/redis";
import { ReplyError, type Redis as IORedis } from "ioredis";
import { ScriptCompatRegistry } from "./script-compat";

type Reply = UpstashResponse<unknown>;

/** Commands that would change or hold the shared connection's state; Upstash refuses them too. */
const REFUSED = new Set([
  "select", "quit", "reset", "hello", "auth", "monitor", "subscribe", "psubscribe", "ssubscribe",
  "multi", "exec", "discard", "watch", "unwatch", "blpop", "brpop", "blmove", "brpoplpush",
  "blmpop", "bzpopmin", "bzpopmax", "bzmpop", "wait",
]);

/** A command after script rewriting; `fallback` is tried once if redis-server answers NOSCRIPT. */
type Prepared = { args: string[]; fallback?: string[]; finish?: (result: unknown) => unknown };

export function createIoredisRequester(client: IORedis): Requester {
  const scripts = new ScriptCompatRegistry();

  /** In a batch we cannot retry one command without breaking order/atomicity, so a script we know
   *  is sent in full with EVAL (redis-server caches it) instead of by SHA. */
  function prepare(command: string[], inBatch: boolean): Prepared {
    const [rawName, ...rest] = command;
    const name = rawName.toLowerCase();
    if (name === "eval" || name === "eval_ro") {
      return { args: [rawName, scripts.register(rest[0] ?? "").script, ...rest.slice(1)] };
    }
    if (name === "evalsha" || name === "evalsha_ro") {
      const known = scripts.lookup(rest[0] ?? "");
      if (!known) return { args: command };
      const viaEval = [name === "evalsha" ? "EVAL" : "EVAL_RO", known.script, ...rest.slice(1)];
      return inBatch ? { args: viaEval } : { args: [rawName, known.sha, ...rest.slice(1)], fallback: viaEval };
    }
    if (name === "script" && rest[0]?.toLowerCase() === "load") {
      const entry = scripts.register(rest[1] ?? "");
      // The caller will EVALSHA the hash of what it sent, so that is the hash it gets back.
      return { args: ["SCRIPT", "LOAD", entry.script], finish: () => entry.originalSha };
    }
    if (name === "script" && rest[0]?.toLowerCase() === "exists") {
      return { args: ["SCRIPT", "EXISTS", ...rest.slice(1).map((sha) => scripts.lookup(sha)?.sha ?? sha)] };
    }
    return { args: command };
  }

  async function send(args: string[]): Promise<unknown> {
    // Upper-case name: ioredis keys its reply transformers (hgetall → object) by the lower-case
    // name, and the Upstash client expects the raw array reply.
    return client.call(args[0].toUpperCase(), ...args.slice(1));
  }

  async function runSingle(body: unknown): Promise<Reply> {
    const command = toCommand(body);
    if ("error" in command) return command;
    const prepared = prepare(command.args, false);
    try {
      let result: unknown;
      try {
        result = await send(prepared.args);
      } catch (error) {
        // redis-server lost the rewritten script (restart, SCRIPT FLUSH, eviction): EVAL reloads it.
        if (!prepared.fallback || !isNoScript(error)) throw error;
        result = await send(prepared.fallback);
      }
      return { result: prepared.finish ? prepared.finish(result) : result };
    } catch (error) {
      if (error instanceof ReplyError) return { error: (error as Error).message };
      throw error;
    }
  }

  async function runBatch(body: unknown, atomic: boolean): Promise<Reply[]> {
    if (!Array.isArray(body) || body.length === 0) throw new errors.UpstashError("ERR empty or malformed batch");
    const commands = body.map(toCommand);
    const invalid = commands.find((c): c is { error: string } => "error" in c);
    // A transaction must not half-run: refuse it whole. A pipeline reports per command.
    if (atomic && invalid) throw new errors.UpstashError(`EXECABORT ${invalid.error}`);
    const prepared = commands.map((c) => ("error" in c ? null : prepare(c.args, true)));
    const batch = atomic ? client.multi() : client.pipeline();
    for (const p of prepared) if (p) batch.call(p.args[0].toUpperCase(), ...p.args.slice(1));
    let replies: [Error | null, unknown][] | null;
    try {
      replies = prepared.some(Boolean) ? await batch.exec() : [];
    } catch (error) {
      if (error instanceof ReplyError) throw new errors.UpstashError(describeExecAbort(error as Error));
      throw error;
    }
    if (!replies) throw new errors.UpstashError("EXECABORT transaction aborted");
    const out: Reply[] = [];
    let i = 0;
    for (const [index, p] of prepared.entries()) {
      const command = commands[index];
      if (!p) {
        out.push({ error: "error" in command ? command.error : "ERR invalid command" });
        continue;
      }
      const [err, result] = replies[i++];
      out.push(err ? { error: err.message } : { result: p.finish ? p.finish(result) : result });
    }
    return out;
  }

  return {
    async request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      const route = (req.path ?? []).join("/");
      if (route === "") return (await runSingle(req.body)) as UpstashResponse<TResult>;
      if (route === "pipeline" || route === "multi-exec") {
        // Pipeline.exec reads the response as an array; the Requester type does not say so.
        return (await runBatch(req.body, route === "multi-exec")) as unknown as UpstashResponse<TResult>;
      }
      throw new errors.UpstashError(`ERR /${route} (streaming and other REST-only endpoints) is not supported over REDIS_URL`);
    },
  };
}

function toCommand(body: unknown): { args: string[] } | { error: string } {
  if (!Array.isArray(body) || body.length === 0 || typeof body[0] !== "string") {
    return { error: "ERR a command is a non-empty array starting with its name" };
  }
  if (REFUSED.has(body[0].toLowerCase())) return { error: `ERR command '${body[0]}' is not supported here` };
  const args: string[] = [];
  for (const arg of body) {
    if (typeof arg === "string") args.push(arg);
    else if (typeof arg === "number" || typeof arg === "boolean") args.push(String(arg));
    else return { error: `ERR argument ${JSON.stringify(arg)} of '${body[0]}' is not a string or number` };
  }
  return { args };
}

function isNoScript(error: unknown): boolean {
  return error instanceof ReplyError && (error as Error).message.startsWith("NOSCRIPT");
}

function describeExecAbort(error: Error): string {
  const previous = (error as Error & { previousErrors?: Error[] }).previousErrors ?? [];
  return [error.message, ...previous.map((e) => e.message)].join(" | ");
}
