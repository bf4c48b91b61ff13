import type { Metadata } from "next";
import Link from "next/link";
import { CampaignResults } from "@/components/campaigns/campaign-results";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { EnrolmentsTable } from "@/components/campaigns/enrolments-table";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import type { CampaignDetail } from "@/lib/campaigns/get-campaign";
import { describeLeadSelection, describeSchedule } from "@/lib/campaigns/campaign-form-values";
import { getCampaignResults } from "@/lib/campaigns/get-campaign-results";
import { ENROLMENTS_PAGE_SIZE, enrolmentListQuerySchema, listEnrolments } from "@/lib/campaigns/list-enrolments";
import { CampaignControls } from "./campaign-controls";
import { loadCampaignPage } from "./load-campaign-page";

export const metadata: Metadata = { title: "Campaign" };

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function statusReason(c: CampaignDetail): string {
  switch (c.status) {
    case "draft":
      return "Not started. Review it to see who will be emailed and what still needs fixing.";
    case "scheduled":
      return c.scheduledStartAt ? `Starts ${when(c.scheduledStartAt)}.` : "Waiting for its start time.";
    case "running":
      return c.startedAt ? `Sending since ${when(c.startedAt)}, inside its schedule.` : "Sending, inside its schedule.";
    case "paused":
      return c.pausedAt ? `Paused ${when(c.pausedAt)}. Each lead keeps its place; resume to continue.` : "Paused. Each lead keeps its place; resume to continue.";
    case "completed":
      return c.stoppedAt ? `Stopped ${when(c.stoppedAt)}.` : c.completedAt ? `Every lead finished the sequence (${when(c.completedAt)}).` : "Finished.";
    case "archived":
      return "Archived. Results stay readable; duplicate it to run again.";
  }
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ team: string; campaignId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, ctx, campaign } = await loadCampaignPage(params);
  const query = enrolmentListQuerySchema.parse(await searchParams);
  const [results, enrolments] = await Promise.all([
    getCampaignResults({ teamId: ctx.teamId, campaignId: campaign.id }),
    listEnrolments({ teamId: ctx.teamId, campaignId: campaign.id, status: query.status, page: query.page }),
  ]);
  const enrolling = campaign.enrolmentTarget !== null && campaign.enrolledCount < campaign.enrolmentTarget;
  const live = campaign.status === "running" || campaign.status === "scheduled" || enrolling;
  const base = `/${slug}/campaigns/${campaign.id}`;

  return (
    <>
      {live ? <AutoRefresh intervalMs={5000} /> : null}
      <PageHeader title={campaign.name} description={campaign.sequenceName ? `Sequence: ${campaign.sequenceName}` : "No sequence chosen yet"} actions={<CampaignControls teamSlug={slug} campaignId={campaign.id} status={campaign.status} hasSequence={!!campaign.sequenceId} />} />
      <div className="grid gap-8">
        <Card>
          <CardContent className="grid gap-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <CampaignStatusBadge status={campaign.status} />
              <span data-testid="campaign-status-reason">{statusReason(campaign)}</span>
            </div>
            {campaign.enrolmentTarget !== null ? (
              <div className="grid gap-1">
                <div className="flex justify-between text-xs text-muted-foreground">
                  <span>{enrolling ? "Enrolling leads…" : "Enrolled"}</span>
                  <span className="tabular-nums">{campaign.enrolledCount.toLocaleString("en-US")} / {campaign.enrolmentTarget.toLocaleString("en-US")}</span>
                </div>
                <progress className="h-2 w-full accent-primary" max={Math.max(1, campaign.enrolmentTarget)} value={campaign.enrolledCount} aria-label="Enrolment progress" />
              </div>
            ) : null}
            <dl className="grid gap-2 sm:grid-cols-3">
              <div><dt className="text-xs text-muted-foreground">Leads</dt><dd>{describeLeadSelection(campaign.leadSelection)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">Schedule</dt><dd>{describeSchedule(campaign)}</dd></div>
              <div>
                <dt className="text-xs text-muted-foreground">Mailboxes</dt>
                <dd>{campaign.mailboxes.length ? campaign.mailboxes.map((m) => `${m.email}${m.status === "active" ? "" : ` (${m.status})`}`).join(", ") : <Link className="underline" href={`${base}/edit`}>None chosen</Link>}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
        <CampaignResults results={results} />
        <EnrolmentsTable teamSlug={slug} basePath={base} rows={enrolments.rows} total={enrolments.total} page={query.page} pageSize={ENROLMENTS_PAGE_SIZE} status={query.status} />
      </div>
    </>
  );
}
