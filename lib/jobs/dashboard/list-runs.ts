// The jobs dashboard's run list for one team: filters by function, status and time, newest first.
import "server-only";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { jobFunctions, jobRuns } from "@/db/schema/jobs";
import { teamScope } from "@/lib/teams/team-scope";
import { toRunSummary, type RunStatus, type RunSummary } from "./run-views";

export type { RunStatus, RunSummary } from "./run-views";

export interface ListRunsInput {
  teamId: string;
  functionId?: string;
  status?: RunStatus;
  since?: Date;
  until?: Date;
  limit?: number;
  /** Cursor: the last run id of the previous page. */
  before?: string;
}

export async function listRuns(input: ListRunsInput): Promise<{ runs: RunSummary[]; nextCursor: string | null }> {
  const limit = Math.min(200, Math.max(1, Math.floor(input.limit ?? 50)));
  const where: SQL[] = [eq(jobRuns.teamId, input.teamId)];
  if (input.functionId) where.push(eq(jobRuns.functionId, input.functionId));
  if (input.status) where.push(eq(jobRuns.status, input.status));
  if (input.since) where.push(gte(jobRuns.createdAt, input.since));
  if (input.until) where.push(lt(jobRuns.createdAt, input.until));
  // Run ids are UUIDv7: ordering by id is ordering by creation time.
  if (input.before) where.push(lt(jobRuns.id, input.before));
  return teamScope(input.teamId, async (tx) => {
    const rows = await tx
      .select({ run: jobRuns, functionName: jobFunctions.name })
      .from(jobRuns)
      .leftJoin(jobFunctions, eq(jobFunctions.id, jobRuns.functionId))
      .where(and(...where))
      .orderBy(desc(jobRuns.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    return {
      runs: page.map((r) => toRunSummary(r.run, r.functionName)),
      nextCursor: rows.length > limit ? page[page.length - 1].run.id : null,
    };
  });
}
