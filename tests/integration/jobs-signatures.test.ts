// Authentication on both sides: the serve endpoint rejects unsigned, badly signed and stale calls (401);
// the executor's API rejects a wrong event key or signing-key bearer. Also: the SDK's own out-of-band
// sync through fn/register, and an explicitly unsigned dev-mode app.
import { randomBytes } from "node:crypto";
import { Inngest, type Inngest as InngestClient } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/jobs/protocol/canonical-json";
import { hashedSigningKey, signBody } from "@/lib/jobs/protocol/signature";
import { jobsEnv } from "@/lib/jobs/jobs-env";
import { localKeys } from "@/lib/jobs/local-keys";
import { startAppRoutesServer } from "../support/jobs-app-server";
import { quietLogger, sendAndFindRun, startJobsHarness, waitForRunEnd, type JobsHarness } from "../support/jobs-harness";

function functions(inngest: InngestClient) {
  return [inngest.createFunction({ id: "echo", triggers: [{ event: "test/echo" }] }, async ({ event, step }) => step.run("echo", () => event.data))];
}

let h: JobsHarness;
beforeAll(async () => {
  h = await startJobsHarness({ functions });
});
afterAll(async () => {
  await h?.close();
});

function callBody() {
  const event = { name: "test/echo", data: { x: 1 }, id: "evt-1", ts: Date.now() };
  return canonicalJson({
    event, events: [event], steps: {}, version: -1,
    ctx: { run_id: "run-1", attempt: 0, max_attempts: 1, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
  });
}

async function callServe(url: string, body: string, signature?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature) headers["x-inngest-signature"] = signature;
  return fetch(`${url}?fnId=test-app-echo&stepId=step`, { method: "POST", body, headers });
}

describe("signatures and keys", () => {
  it("the serve endpoint answers a correctly signed call and rejects unsigned, wrongly signed and stale ones with 401", async () => {
    const body = callBody();
    const ok = await callServe(h.serveUrl, body, signBody(body, h.signingKey));
    expect(ok.status).toBe(206);
    expect(ok.headers.get("x-inngest-signature")).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);

    expect((await callServe(h.serveUrl, body)).status).toBe(401);
    const otherKey = `signkey-test-${randomBytes(32).toString("hex")}`;
    expect((await callServe(h.serveUrl, body, signBody(body, otherKey))).status).toBe(401);
    // Signed over different bytes (the body was tampered with after signing).
    expect((await callServe(h.serveUrl, body.replace('"x":1', '"x":2'), signBody(body, h.signingKey))).status).toBe(401);
    // Ten minutes old: outside the ±5 minute window.
    expect((await callServe(h.serveUrl, body, signBody(body, h.signingKey, Date.now() - 10 * 60_000))).status).toBe(401);
  });

  it("the app's own /api/inngest route (embedded mode) rejects an unsigned call with 401", async () => {
    const server = await startAppRoutesServer();
    try {
      const body = callBody();
      const res = await fetch(`${server.origin}/api/inngest?fnId=sales-copilot-send-test-email&stepId=step`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(401);
      // Its executor route accepts the locally generated event key and nothing else.
      const { eventKey } = localKeys(jobsEnv().DATA_DIR);
      const event = JSON.stringify({ name: "test/nobody-listens", data: {} });
      const bad = await fetch(`${server.origin}/api/inngest-executor/e/not-the-key`, { method: "POST", body: event });
      expect(bad.status).toBe(401);
      const good = await fetch(`${server.origin}/api/inngest-executor/e/${eventKey}`, { method: "POST", body: event });
      expect(await good.json()).toEqual({ ids: [expect.any(String)], status: 200 });
    } finally {
      await server.close();
      delete process.env.JOBS_APP_URL;
    }
  });

  it("the executor's event API rejects a wrong event key, also through the SDK", async () => {
    const res = await fetch(`${h.origin}/e/wrong-key`, { method: "POST", body: JSON.stringify([{ name: "test/echo", data: {} }]) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401 });
    const impostor = new Inngest({ id: "impostor", isDev: false, eventKey: "wrong-key", signingKey: h.signingKey, baseUrl: `${h.origin}/`, logger: quietLogger });
    await expect(impostor.send({ name: "test/echo", data: {} })).rejects.toThrow(/401/);
    // Reserved names cannot be sent from outside (they would start onFailure handlers).
    const reserved = await fetch(`${h.origin}/e/${h.eventKey}`, { method: "POST", body: JSON.stringify({ name: "inngest/function.failed", data: {} }) });
    expect(reserved.status).toBe(400);
  });

  it("fn/register needs the signing key's bearer; the SDK's out-of-band sync presents it", async () => {
    const body = JSON.stringify({ url: h.serveUrl, appName: "test-app", functions: [] });
    expect((await fetch(`${h.origin}/fn/register`, { method: "POST", body })).status).toBe(401);
    const wrong = hashedSigningKey(`signkey-test-${randomBytes(32).toString("hex")}`);
    expect((await fetch(`${h.origin}/fn/register`, { method: "POST", body, headers: { authorization: `Bearer ${wrong}` } })).status).toBe(401);

    // A bare PUT makes the SDK register itself at {apiBaseUrl}/fn/register with its hashed key.
    const res = await fetch(h.serveUrl, { method: "PUT" });
    // 200 only if our fn/register accepted the SDK's bearer (else the SDK reports a 500 "Failed to register").
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: "Successfully registered", modified: false });
    const run = await sendAndFindRun(h, "test-app-echo", { name: "test/echo", data: { y: 2 } });
    expect((await waitForRunEnd(h.db, run.id)).output).toEqual({ y: 2 });
  });

  it("drives an explicitly unsigned dev-mode app (INNGEST_DEV-style, localhost only)", async () => {
    const dev = await startJobsHarness({ appId: "dev-app", functions, executor: { signingKey: null }, dev: true });
    try {
      const run = await sendAndFindRun(dev, "dev-app-echo", { name: "test/echo", data: { dev: true } });
      const done = await waitForRunEnd(dev.db, run.id);
      // Status and error too, so a failure says why the run ended (it once ended with no output under CI load).
      expect({ status: done.status, output: done.output, error: done.error }).toEqual({ status: "completed", output: { dev: true }, error: null });
    } finally {
      await dev.close();
    }
  });
});
