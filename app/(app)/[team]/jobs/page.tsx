import { Timer } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { formatDuration, formatTime, RunStatusBadge } from "@/components/jobs/run-status-badge";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { engineMode } from "@/lib/jobs/engine-mode";
import { listFunctions } from "@/lib/jobs/dashboard/list-functions";
import { listRuns } from "@/lib/jobs/dashboard/list-runs";
import { can } from "@/lib/teams/permissions";
import { RUN_STATUSES, runFiltersSchema, SINCE_OPTIONS } from "./filters.schema";
import { SendTestEmailButton } from "./run-actions";
import { RunWaitingCell } from "./run-waiting";

export const metadata: Metadata = { title: "Jobs" };

const ENGINE_NOTE = {
  "inngest-cloud": { title: "Jobs run on Inngest Cloud", href: "https://app.inngest.com", link: "Open the Inngest dashboard" },
  "inngest-dev": { title: "Jobs run on the Inngest dev server", href: process.env.INNGEST_BASE_URL ?? "http://localhost:8288", link: "Open the dev server" },
  "inngest-self-hosted": { title: "Jobs run on your self-hosted Inngest server", href: process.env.INNGEST_BASE_URL ?? "#", link: "Open its dashboard" },
} as const;

export default async function JobsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string>> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/jobs`);
  if (!can(ctx.role, "jobs:view")) {
    return (
      <>
        <PageHeader title="Jobs" />
        <EmptyState icon={Timer} title="Owners and admins only" description="Ask an owner or admin of this team if you need to see background jobs." />
      </>
    );
  }
  const mode = engineMode();
  if (mode !== "embedded") {
    const note = ENGINE_NOTE[mode];
    return (
      <>
        <PageHeader title="Jobs" />
        <Alert>
          <AlertTitle>{note.title}</AlertTitle>
          <AlertDescription>
            Runs, steps and retries are shown by Inngest itself. <a href={note.href} className="underline underline-offset-4">{note.link}</a>
          </AlertDescription>
        </Alert>
      </>
    );
  }

  const filters = runFiltersSchema.parse(await searchParams);
  const [{ runs, nextCursor }, functions] = await Promise.all([
    listRuns({
      teamId: ctx.teamId,
      functionId: filters.fn,
      status: filters.status,
      since: filters.since ? new Date(Date.now() - SINCE_OPTIONS[filters.since]) : undefined,
      before: filters.before,
      limit: 50,
    }),
    listFunctions(),
  ]);
  const nextHref = nextCursor ? `?${new URLSearchParams({ ...(filters.fn && { fn: filters.fn }), ...(filters.status && { status: filters.status }), ...(filters.since && { since: filters.since }), before: nextCursor })}` : null;

  return (
    <>
      <AutoRefresh />
      <PageHeader title="Jobs" description="Background runs for this team, refreshed every few seconds." actions={<SendTestEmailButton teamSlug={slug} />} />
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter runs">
        <label className="grid gap-1">
          <span className="text-muted-foreground">Function</span>
          <NativeSelect name="fn" defaultValue={filters.fn ?? ""}>
            <option value="">All functions</option>
            {functions.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </NativeSelect>
        </label>
        <label className="grid gap-1">
          <span className="text-muted-foreground">Status</span>
          <NativeSelect name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {RUN_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </NativeSelect>
        </label>
        <label className="grid gap-1">
          <span className="text-muted-foreground">Started</span>
          <NativeSelect name="since" defaultValue={filters.since ?? ""}>
            <option value="">Any time</option>
            <option value="1h">Last hour</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
          </NativeSelect>
        </label>
        <Button type="submit" variant="secondary" size="sm">Apply</Button>
      </form>
      {runs.length === 0 ? (
        <EmptyState icon={Timer} title="No runs match" description="Runs appear here when this team's background jobs start. Send a test email to yourself to see one." />
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Function</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="hidden sm:table-cell">Event</TableHead>
                <TableHead>Started</TableHead>
                <TableHead className="hidden md:table-cell">Duration</TableHead>
                <TableHead className="hidden md:table-cell">Next</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((run) => (
                <TableRow key={run.id} data-testid="run-row">
                  <TableCell>
                    <Link href={`/${slug}/jobs/${run.id}`} className="font-medium underline-offset-4 hover:underline">{run.functionName}</Link>
                  </TableCell>
                  <TableCell><RunStatusBadge status={run.status} /></TableCell>
                  <TableCell className="hidden font-mono text-xs sm:table-cell">{run.eventName}</TableCell>
                  <TableCell className="text-xs">{formatTime(run.startedAt ?? run.createdAt)}</TableCell>
                  <TableCell className="hidden text-xs md:table-cell">{formatDuration(run.startedAt, run.endedAt)}</TableCell>
                  <TableCell className="hidden text-xs md:table-cell"><RunWaitingCell run={run} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {nextHref ? <div className="mt-4 text-right text-sm"><Link href={nextHref} className="underline underline-offset-4">Older runs →</Link></div> : null}
    </>
  );
}
