import { ArrowLeft, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { LeadEditForm } from "@/components/leads/lead-edit-form";
import { EraseLeadButton, MarkRepliedButton } from "@/components/leads/lead-danger-actions";
import { LeadEnrolments } from "@/components/leads/lead-enrolments";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { ResearchFacts } from "@/components/leads/research-facts";
import { ResearchNowForm } from "@/components/leads/research-now-form";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { AppError } from "@/lib/errors";
import { getLead } from "@/lib/leads/get-lead";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { listLeadEnrolments } from "@/lib/leads/list-lead-enrolments";
import {
  addLeadFactAction,
  deleteLeadFactAction,
  eraseLeadAction,
  markLeadRepliedAction,
  requestLeadResearchAction,
  updateLeadAction,
  updateLeadFactAction,
} from "./actions";

export const metadata: Metadata = { title: "Lead" };

const RESEARCH_LABEL = { pending: "Queued", running: "Researching…", done: "Done", failed: "Failed" } as const;

async function loadLead(teamId: string, leadId: string) {
  try {
    return await getLead({ teamId, leadId });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function LeadPage({ params }: { params: Promise<{ team: string; leadId: string }> }) {
  const { team: slug, leadId } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/leads/${leadId}`);
  const { lead, research } = await loadLead(ctx.teamId, leadId);
  const [timeline, enrolments] = await Promise.all([getLeadTimeline({ teamId: ctx.teamId, leadId }), listLeadEnrolments({ teamId: ctx.teamId, leadId })]);
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email;
  const busy = research?.status === "pending" || research?.status === "running";

  return (
    <>
      <Link href={`/${slug}/leads`} className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" /> All leads
      </Link>
      <PageHeader
        title={name}
        description={[lead.email, lead.title, lead.company].filter(Boolean).join(" · ")}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/teams/${slug}/leads/${lead.id}/export`} download><Download aria-hidden="true" /> Download data (JSON)</a>
            </Button>
            <EraseLeadButton leadId={lead.id} email={lead.email} action={eraseLeadAction.bind(null, slug)} />
          </>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2">
        <LeadStatusBadge status={lead.status} />
        {lead.tags.map((t) => <Badge key={t} variant="outline">{t}</Badge>)}
        <span className="ml-auto"><MarkRepliedButton leadId={lead.id} action={markLeadRepliedAction.bind(null, slug)} /></span>
      </div>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                Research <Badge variant={research?.status === "failed" ? "destructive" : "secondary"} data-testid="research-status">{research ? RESEARCH_LABEL[research.status] : "Not researched"}</Badge>
              </CardTitle>
              <CardDescription>
                Facts the writer may cite, each with its source. {research?.researchedAt ? `Last researched ${research.researchedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` : ""}
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {busy ? <AutoRefresh intervalMs={2000} /> : null}
              {research?.status === "failed" && research.error ? (
                <pre role="alert" className="whitespace-pre-wrap rounded-md border border-destructive/40 bg-destructive/5 p-2 text-xs text-destructive">{research.error}</pre>
              ) : null}
              <ResearchFacts
                leadId={lead.id}
                facts={research?.facts ?? []}
                actions={{ add: addLeadFactAction.bind(null, slug), update: updateLeadFactAction.bind(null, slug), remove: deleteLeadFactAction.bind(null, slug) }}
              />
              <ResearchNowForm leadId={lead.id} action={requestLeadResearchAction.bind(null, slug)} busy={busy} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Details</CardTitle></CardHeader>
            <CardContent><LeadEditForm lead={lead} action={updateLeadAction.bind(null, slug)} /></CardContent>
          </Card>
        </div>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader><CardTitle>Campaigns</CardTitle></CardHeader>
            <CardContent><LeadEnrolments enrolments={enrolments} teamSlug={slug} /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Timeline</CardTitle></CardHeader>
            <CardContent><LeadTimeline items={timeline} teamSlug={slug} /></CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
