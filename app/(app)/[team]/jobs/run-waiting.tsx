import { formatTime } from "@/components/jobs/run-status-badge";
import type { RunSummary } from "@/lib/jobs/dashboard/list-runs";

/** What a run is paused on: a sleep's wake-up time, or the event it waits for (and until when). */
export function RunWaitingCell({ run }: { run: Pick<RunSummary, "sleepingUntil" | "waitingFor"> }) {
  if (run.sleepingUntil) return <span data-testid="run-sleeping-until">Sleeping until {formatTime(run.sleepingUntil)}</span>;
  if (run.waitingFor) {
    return (
      <span>
        Waiting for <code className="font-mono">{run.waitingFor.event}</code>
        {run.waitingFor.expression ? <> where <code className="font-mono">{run.waitingFor.expression}</code></> : null}
        {run.waitingFor.timeoutAt ? <> until {formatTime(run.waitingFor.timeoutAt)}</> : null}
      </span>
    );
  }
  return <span className="text-muted-foreground">—</span>;
}
