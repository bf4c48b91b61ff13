// Builds the app, starts it on a free port with a fresh database and data dir, and hands its URL to the specs.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, waitForHttp } from "../../tests/support/local-server";
import { createScratchDatabase } from "../../tests/support/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    artifactsDir: string;
    dataDir: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "copilot-e2e-"));
  const artifactsDir = path.join(root, "e2e/.artifacts");
  fs.mkdirSync(artifactsDir, { recursive: true });
  const port = await freePort();
  // "localhost", not 127.0.0.1: Next.js reports 127.0.0.1 requests as localhost, and Auth.js builds its URLs from that.
  const baseURL = `http://localhost:${port}`;

  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir,
    // Specs move engine time forward (sleeps and follow-up delays) through the executor's test clock.
    JOBS_TEST_CLOCK: "1", APP_URL: baseURL, PORT: String(port) };
  delete env.RESEND_API_KEY;
  delete (env as Record<string, string | undefined>).NODE_ENV;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "copilot_e2e");
    env.DATABASE_URL = scratch.url;
    dropDatabase = scratch.drop;
  }

  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error(`next build failed with status ${build.status}`);
  }

  const log = fs.createWriteStream(path.join(artifactsDir, "server.log"));
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, detached: true });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitForHttp(`${baseURL}/sign-in`, server);

  project.provide("baseURL", baseURL);
  project.provide("artifactsDir", artifactsDir);
  project.provide("dataDir", dataDir);

  return async () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await dropDatabase?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
