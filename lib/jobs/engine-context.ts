// What the executor's parts share: the database, the clock, the function registry and a way to wake workers.
import type { Db } from "@/db/types";
import type { Clock } from "./clock";
import type { FunctionRegistry } from "./function-registry";

export interface EngineContext {
  db: Db;
  clock: Clock;
  functions: FunctionRegistry;
  /** Called after new work became due, so idle workers claim it without waiting for their next poll. */
  onWork?: () => void;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}
