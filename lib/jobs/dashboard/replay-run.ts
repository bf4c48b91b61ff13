// Replaying a failed or cancelled run: a new run of the same function with the same event.
import "server-only";
import { and, eq } from "drizzle-orm";
import { jobRuns } from "@/db/schema/jobs";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { systemClock } from "../clock";
import { FunctionRegistry } from "../function-registry";
import { pokeLocalExecutors } from "../local-executors";
import { createRuns, type EventPayload } from "../store/create-runs";

export async function replayRun(input: { teamId: string; runId: string }): Promise<{ runId: string }> {
  const result = await teamScope(input.teamId, async (tx) => {
    const [run] = await tx
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.id, input.runId), eq(jobRuns.teamId, input.teamId)));
    if (!run) throw notFound("That run");
    if (run.status !== "failed" && run.status !== "cancelled") {
      throw new AppError("conflict", "Only a failed or cancelled run can be replayed.");
    }
    const fn = (await new FunctionRegistry(0).load(tx)).get(run.functionId);
    if (!fn) throw new AppError("conflict", "This function is no longer served by the app, so it cannot be replayed.");
    const [created] = await createRuns(tx, systemClock.now(), [{ fn, event: run.event as EventPayload, replayOf: run.id }]);
    if (!created.runId) throw new AppError("conflict", "The replay was not started.");
    return { runId: created.runId };
  });
  pokeLocalExecutors();
  return result;
}
