// The executor API inside the Next.js app: configured from the environment, answering only in embedded mode.
import "server-only";
import { getDb } from "@/db";
import { engineClock } from "../clock";
import type { EngineContext } from "../engine-context";
import { engineMode } from "../engine-mode";
import { FunctionRegistry } from "../function-registry";
import { jobsEnv } from "../jobs-env";
import { pokeLocalExecutors } from "../local-executors";
import { localKeys } from "../local-keys";
import { handleExecutorApi } from "./executor-api";

let context: EngineContext | undefined;

export async function executorApiResponse(request: Request, path: string[]): Promise<Response> {
  if (engineMode() !== "embedded") {
    return Response.json({ error: "Jobs run on Inngest; the embedded executor is off.", status: 404 }, { status: 404 });
  }
  const keys = localKeys(jobsEnv().DATA_DIR);
  context ??= {
    db: await getDb(),
    clock: engineClock(),
    functions: new FunctionRegistry(),
    onWork: pokeLocalExecutors,
    log: (message, detail) => console.error(`[jobs] ${message}`, detail ?? ""),
  };
  return handleExecutorApi(request, path, { context, eventKey: keys.eventKey, signingKey: keys.signingKey });
}
