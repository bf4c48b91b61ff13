// A local stand-in for an OpenAI-compatible server (OpenAI, Ollama, vLLM): POST /v1/chat/completions in the
// real wire format — SSE `chat.completion.chunk` frames ending in `data: [DONE]` when `stream: true`,
// a `chat.completion` object otherwise, tool calls for tools, OpenAI's error body on failure.
// By default it answers like the offline writer (so prompts and JSON tasks get sensible answers); counts calls.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerTask } from "@/lib/ai/offline-writer/answer-task";

type ContentPart = { type: string; text?: string };
export type ChatRequest = {
  model: string;
  messages: Array<{ role: string; content: string | ContentPart[] | null }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: "text" | "json_object" | "json_schema"; json_schema?: { name: string; schema: unknown } };
  tools?: Array<{ type: "function"; function: { name: string; parameters: unknown } }>;
  tool_choice?: unknown;
  [key: string]: unknown;
};
export type ChatAnswer =
  | { text: string }
  | { toolCall: { name: string; arguments: string } }
  | { error: { status: number; message: string; type?: string; code?: string } };

export type ServerOptions = {
  respond?: (req: ChatRequest) => ChatAnswer;
  /** Delay before the first content chunk (headers and the role chunk go out at once, as OpenAI's do). */
  firstChunkDelayMs?: number;
  chunkDelayMs?: number;
  /** When set, requests without `Authorization: Bearer <apiKey>` get OpenAI's 401. */
  apiKey?: string;
};

const lastUserText = (req: ChatRequest) => {
  const user = req.messages.filter((m) => m.role === "user").at(-1);
  if (!user?.content) return "";
  return typeof user.content === "string" ? user.content : user.content.map((p) => p.text ?? "").join("\n");
};

export const offlineLikeAnswer = (req: ChatRequest): ChatAnswer => ({
  text: answerTask(lastUserText(req), req.response_format?.type === "json_object" || req.response_format?.type === "json_schema"),
});

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

export async function startOpenAICompatibleServer(initial: ServerOptions = {}) {
  let options: ServerOptions = { ...initial };
  const requests: ChatRequest[] = [];
  const authorizations: Array<string | undefined> = [];
  let seq = 0;

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, message: string, type = "invalid_request_error", code: string | null = null) =>
        json(status, { error: { message, type, param: null, code } });
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
      }
      if (req.method === "GET" && req.url === "/v1/models") {
        return json(200, { object: "list", data: [{ id: "test-model", object: "model", created: 0, owned_by: "local" }] });
      }
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") return error(404, `Unknown path ${req.url}`);
      let body: ChatRequest;
      try {
        body = JSON.parse(raw);
      } catch {
        return error(400, "We could not parse the JSON body of your request.");
      }
      requests.push(body);
      authorizations.push(req.headers.authorization);
      const answer = (options.respond ?? offlineLikeAnswer)(body);
      if ("error" in answer) return error(answer.error.status, answer.error.message, answer.error.type, answer.error.code ?? null);

      const id = `chatcmpl-${++seq}`;
      const created = Math.floor(Date.now() / 1000);
      const base = { id, created, model: body.model, system_fingerprint: "fp_local" };
      const content = "text" in answer ? answer.text : null;
      const toolCall = "toolCall" in answer ? { id: `call_${seq}`, type: "function", function: answer.toolCall } : null;
      const finish = toolCall ? "tool_calls" : "stop";
      const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil((content ?? "").length / 4), total_tokens: 0 };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

      if (!body.stream) {
        await sleep(options.firstChunkDelayMs ?? 0);
        return json(200, {
          ...base,
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content, refusal: null, ...(toolCall ? { tool_calls: [toolCall] } : {}) }, logprobs: null, finish_reason: finish }],
          usage,
        });
      }

      let closed = false;
      res.on("close", () => (closed = true));
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
      const frame = (choices: unknown[], extra: Record<string, unknown> = {}) => {
        if (!closed) res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices, ...extra })}\n\n`);
      };
      const delta = (d: Record<string, unknown>, finishReason: string | null = null) =>
        frame([{ index: 0, delta: d, logprobs: null, finish_reason: finishReason }]);

      delta({ role: "assistant", content: "", refusal: null });
      await sleep(options.firstChunkDelayMs ?? 0);
      if (toolCall) {
        delta({ tool_calls: [{ index: 0, id: toolCall.id, type: "function", function: { name: toolCall.function.name, arguments: "" } }] });
        delta({ tool_calls: [{ index: 0, function: { arguments: toolCall.function.arguments } }] });
      } else {
        const pieces = (content ?? "").match(/\S+\s*|\s+/g) ?? [];
        for (let i = 0; i < pieces.length && !closed; i++) {
          if (i > 0) await sleep(options.chunkDelayMs ?? 0);
          delta({ content: pieces[i] });
        }
      }
      delta({}, finish);
      if (body.stream_options?.include_usage) frame([], { usage });
      if (!closed) res.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    /** Every chat completion request received, in order. */
    requests,
    authorizations,
    get calls() {
      return requests.length;
    },
    configure(next: ServerOptions) {
      options = { ...options, ...next };
    },
    reset() {
      requests.length = 0;
      authorizations.length = 0;
      options = { ...initial };
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
export type OpenAICompatibleServer = Awaited<ReturnType<typeof startOpenAICompatibleServer>>;
