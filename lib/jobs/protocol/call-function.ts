// One signed call to a function's serve endpoint, and what the SDK answered.
import { z } from "zod";
import { canonicalJson } from "./canonical-json";
import { fetchSend, nodeHttpSend } from "./http-send";
import { signBody, verifySignature } from "./signature";

export const opSchema = z.looseObject({
  id: z.string(),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).nullish(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type Op = z.infer<typeof opSchema>;

export type Memo = { data: unknown } | { error: unknown };

export interface CallRequest {
  url: string;
  stepId: string;
  event: Record<string, unknown>;
  steps: Record<string, Memo>;
  stack: string[];
  version: number;
  runId: string;
  attempt: number;
  maxAttempts: number;
  disableImmediateExecution: boolean;
}

export interface ErrorInfo {
  name: string;
  message: string;
  stack?: string;
}

export type CallOutcome =
  | { kind: "completed"; output: unknown; version: number | null }
  | { kind: "ops"; ops: Op[]; version: number | null; retryAfterMs: number | null }
  | { kind: "error"; retriable: boolean; error: ErrorInfo; retryAfterMs: number | null; version: number | null; status: number };

export interface CallOptions {
  signingKey: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function toErrorInfo(value: unknown, fallback = "Unknown error"): ErrorInfo {
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const message = typeof v.message === "string" ? v.message : typeof v.error === "string" ? v.error : fallback;
    return { name: typeof v.name === "string" ? v.name : "Error", message, stack: typeof v.stack === "string" ? v.stack : undefined };
  }
  return { name: "Error", message: typeof value === "string" && value ? value : fallback };
}

export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null;
}

function stepUrl(base: string, stepId: string): string {
  const url = new URL(base);
  url.searchParams.set("stepId", stepId);
  return url.toString();
}

export async function callFunction(req: CallRequest, options: CallOptions): Promise<CallOutcome> {
  const body = canonicalJson({
    event: req.event,
    events: [req.event],
    steps: req.steps,
    version: req.version,
    ctx: {
      run_id: req.runId,
      attempt: req.attempt,
      max_attempts: req.maxAttempts,
      disable_immediate_execution: req.disableImmediateExecution,
      use_api: false,
      stack: { stack: req.stack, current: Math.max(0, req.stack.length - 1) },
    },
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.signingKey) headers["x-inngest-signature"] = signBody(body, options.signingKey);
  if (req.version >= 0) headers["x-inngest-req-version"] = String(req.version);

  const send = options.fetch ? fetchSend(options.fetch) : nodeHttpSend;
  let res: { status: number; header(name: string): string | null };
  let text: string;
  try {
    const reply = await send(stepUrl(req.url, req.stepId), { method: "POST", headers, body, timeoutMs: options.timeoutMs ?? 300_000 });
    res = reply;
    text = reply.text;
  } catch (error) {
    const info = toErrorInfo(error, "The function endpoint could not be reached");
    return { kind: "error", retriable: true, error: { ...info, name: "EndpointUnreachable" }, retryAfterMs: null, version: null, status: 0 };
  }
  const versionText = res.header("x-inngest-req-version");
  const version = versionText !== null && Number.isInteger(Number(versionText)) ? Number(versionText) : null;
  const retryAfterMs = parseRetryAfter(res.header("retry-after"));

  if (options.signingKey && (res.status === 200 || res.status === 206)) {
    // Only the SDK holding our key can answer with a valid signature: anything else is not our app.
    if (!verifySignature(res.header("x-inngest-signature"), text, options.signingKey)) {
      const error = { name: "InvalidResponseSignature", message: "The function endpoint's response was not signed with our key" };
      return { kind: "error", retriable: true, error, retryAfterMs, version, status: res.status };
    }
  }

  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  if (res.status === 200) return { kind: "completed", output: json, version };
  if (res.status === 206) {
    const ops = z.array(opSchema).safeParse(Array.isArray(json) ? json : [json]);
    if (ops.success) return { kind: "ops", ops: ops.data, version, retryAfterMs };
    const error = { name: "InvalidResponse", message: "The SDK answered 206 without a readable list of steps" };
    return { kind: "error", retriable: true, error, retryAfterMs, version, status: res.status };
  }
  const noRetry = res.header("x-inngest-no-retry") === "true";
  const fallback = res.status === 401 ? "The function endpoint rejected our signature" : `The function endpoint answered ${res.status}`;
  return { kind: "error", retriable: !noRetry, error: toErrorInfo(json, fallback), retryAfterMs, version, status: res.status };
}
