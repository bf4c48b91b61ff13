// One run of the team with its event, output or error and every step in execution order.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { jobFunctions, jobRuns, jobSteps } from "@/db/schema/jobs";
import { teamScope } from "@/lib/teams/team-scope";
import { toRunDetail, type RunDetail } from "./run-views";

export type { RunDetail, StepView } from "./run-views";

export async function getRun(input: { teamId: string; runId: string }): Promise<RunDetail | null> {
  return teamScope(input.teamId, async (tx) => {
    const [row] = await tx
      .select({ run: jobRuns, functionName: jobFunctions.name })
      .from(jobRuns)
      .leftJoin(jobFunctions, eq(jobFunctions.id, jobRuns.functionId))
      .where(and(eq(jobRuns.id, input.runId), eq(jobRuns.teamId, input.teamId)));
    if (!row) return null;
    const steps = await tx.select().from(jobSteps).where(eq(jobSteps.runId, input.runId)).orderBy(asc(jobSteps.seq));
    return toRunDetail(row.run, row.functionName, steps);
  });
}
