// Moves the running app's engine time forward (JOBS_TEST_CLOCK=1, set by the global setup), authenticated the way
// the SDK authenticates to the executor: a bearer derived from the signing key in the app's data directory.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { hashedSigningKey } from "../../lib/jobs/protocol/signature";

export async function advanceEngineClock(ms: number): Promise<string> {
  const { signingKey } = JSON.parse(fs.readFileSync(path.join(inject("dataDir"), "inngest-keys.json"), "utf8")) as { signingKey: string };
  const response = await fetch(`${inject("baseURL")}/api/inngest-executor/clock`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${hashedSigningKey(signingKey)}` },
    body: JSON.stringify({ advanceMs: ms }),
  });
  if (!response.ok) throw new Error(`advancing the engine clock failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { now: string }).now;
}
