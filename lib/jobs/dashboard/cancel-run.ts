// Cancelling a run from the dashboard: its pending steps are cancelled, its queued work removed.
import "server-only";
import { and, eq } from "drizzle-orm";
import { jobRuns } from "@/db/schema/jobs";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { systemClock } from "../clock";
import { cancelRunInTx } from "../store/finish-run";

export async function cancelRun(input: { teamId: string; runId: string }): Promise<void> {
  await teamScope(input.teamId, async (tx) => {
    const [run] = await tx
      .select({ status: jobRuns.status })
      .from(jobRuns)
      .where(and(eq(jobRuns.id, input.runId), eq(jobRuns.teamId, input.teamId)));
    if (!run) throw notFound("That run");
    const cancelled = await cancelRunInTx(tx, input.runId, systemClock.now(), "Cancelled from the jobs dashboard");
    if (!cancelled) throw new AppError("conflict", `This run has already ${run.status === "completed" ? "completed" : "ended"}; there is nothing to cancel.`);
  });
}
