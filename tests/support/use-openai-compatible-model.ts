// Test-file hooks around the local OpenAI-compatible server (kept apart so benches can import the server without vitest).
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startOpenAICompatibleServer, type OpenAICompatibleServer } from "./openai-compatible-server";

/**
 * For a test file: this local server is the app's model (OPENAI_BASE_URL + OPENAI_MODEL set for the file, the
 * previous values restored after), with its call log reset before each test. Call at the top of the file.
 */
export function useOpenAICompatibleServerAsModel(): () => OpenAICompatibleServer {
  let server: OpenAICompatibleServer;
  const saved = { OPENAI_BASE_URL: process.env.OPENAI_BASE_URL, OPENAI_MODEL: process.env.OPENAI_MODEL, OPENAI_API_KEY: process.env.OPENAI_API_KEY };
  beforeAll(async () => {
    server = await startOpenAICompatibleServer();
    process.env.OPENAI_BASE_URL = server.baseURL;
    process.env.OPENAI_MODEL = "test-model";
    delete process.env.OPENAI_API_KEY;
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await server?.close();
  });
  beforeEach(() => server.reset());
  return () => server;
}
