import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { formatDuration, formatTime, RunStatusBadge } from "@/components/jobs/run-status-badge";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { getRun } from "@/lib/jobs/dashboard/get-run";
import { can } from "@/lib/teams/permissions";
import { CancelRunButton, ReplayRunButton } from "../run-actions";
import { RunWaitingCell } from "../run-waiting";

export const metadata: Metadata = { title: "Run" };

const FINISHED = new Set(["completed", "failed", "cancelled"]);

function Json({ value, testId }: { value: unknown; testId?: string }) {
  if (value === undefined || value === null) return <span className="text-muted-foreground">—</span>;
  return <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs" data-testid={testId}>{JSON.stringify(value, null, 2)}</pre>;
}

export default async function RunPage({ params }: { params: Promise<{ team: string; runId: string }> }) {
  const { team: slug, runId } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/jobs/${runId}`);
  if (!can(ctx.role, "jobs:view") || !z.uuid().safeParse(runId).success) notFound();
  const run = await getRun({ teamId: ctx.teamId, runId });
  if (!run) notFound();
  const finished = FINISHED.has(run.status);

  return (
    <>
      {finished ? null : <AutoRefresh intervalMs={2000} />}
      <PageHeader
        title={run.functionName}
        description={`Run ${run.id}`}
        actions={
          <div className="flex items-center gap-2">
            {!finished ? <CancelRunButton teamSlug={slug} runId={run.id} /> : null}
            {run.status === "failed" || run.status === "cancelled" ? <ReplayRunButton teamSlug={slug} runId={run.id} /> : null}
          </div>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid gap-3 pt-6 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div><div className="text-xs text-muted-foreground">Status</div><RunStatusBadge status={run.status} /></div>
            <div><div className="text-xs text-muted-foreground">Event</div><code className="font-mono text-xs">{run.eventName}</code></div>
            <div><div className="text-xs text-muted-foreground">Started</div>{formatTime(run.startedAt ?? run.createdAt)}</div>
            <div><div className="text-xs text-muted-foreground">Duration</div>{formatDuration(run.startedAt, run.endedAt)}</div>
            <div className="sm:col-span-2 lg:col-span-4"><RunWaitingCell run={run} /></div>
            {run.replayOf ? <div className="sm:col-span-2">Replay of <Link href={`/${slug}/jobs/${run.replayOf}`} className="underline underline-offset-4">{run.replayOf}</Link></div> : null}
            {run.error ? <p role="alert" className="text-destructive sm:col-span-2 lg:col-span-4">{run.error.name}: {run.error.message}</p> : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader><CardTitle>Steps ({run.steps.length})</CardTitle></CardHeader>
          <CardContent>
            {run.steps.length === 0 ? (
              <p className="text-sm text-muted-foreground">No step has run yet.</p>
            ) : (
              <ol className="grid gap-3">
                {run.steps.map((step, i) => (
                  <li key={step.id} className="rounded-lg border p-3" data-testid="step-row">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-medium">{i + 1}. {step.name}</span>
                      <span className="flex items-center gap-2 text-xs text-muted-foreground">
                        <code className="font-mono">{step.op}</code>
                        <span>{step.attempts} attempt{step.attempts === 1 ? "" : "s"}</span>
                        <span>{formatDuration(step.startedAt, step.endedAt)}</span>
                        <RunStatusBadge status={step.status} />
                      </span>
                    </div>
                    {step.error ? <p className="mt-2 text-sm text-destructive">{step.error.name}: {step.error.message}</p> : null}
                    {step.output !== undefined && step.output !== null ? <div className="mt-2"><Json value={step.output} /></div> : null}
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card><CardHeader><CardTitle>Event</CardTitle></CardHeader><CardContent><Json value={run.event} /></CardContent></Card>
          <Card><CardHeader><CardTitle>Output</CardTitle></CardHeader><CardContent><Json value={run.output} testId="run-output" /></CardContent></Card>
        </div>
        <Link href={`/${slug}/jobs`} className="text-sm underline underline-offset-4">← All runs</Link>
      </div>
    </>
  );
}
