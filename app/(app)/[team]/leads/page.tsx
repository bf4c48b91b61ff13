import { Download, Upload, UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { AddLeadDialog } from "@/components/leads/add-lead-dialog";
import { LeadFilters } from "@/components/leads/lead-filters";
import { LeadsPagination } from "@/components/leads/leads-pagination";
import { LeadsTable } from "@/components/leads/leads-table";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { leadSearchQuery, parseLeadSearchParams, type LeadSearchParams } from "@/lib/leads/lead-search-params";
import { listLeadFilterOptions } from "@/lib/leads/list-lead-filter-options";
import { listLeads } from "@/lib/leads/list-leads";
import { createLeadAction, tagLeadsAction } from "./actions";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<LeadSearchParams> }) {
  const { team: slug } = await params;
  const sp = await searchParams;
  const ctx = await requireTeamPage(slug, `/${slug}/leads`);
  const { filter, page, errors } = parseLeadSearchParams(sp);
  const [{ rows, total, pages }, options] = await Promise.all([listLeads({ teamId: ctx.teamId, filter, page }), listLeadFilterOptions({ teamId: ctx.teamId })]);
  const filtered = Object.keys(filter).length > 0;
  const query = leadSearchQuery(filter);

  return (
    <>
      <PageHeader
        title="Leads"
        description="The people you want to reach: search, filter, tag, and open a lead for its research and history."
        actions={
          <>
            <AddLeadDialog action={createLeadAction.bind(null, slug)} teamSlug={slug} />
            <Button asChild variant="outline" size="sm">
              <Link href={`/${slug}/leads/import`}><Upload aria-hidden="true" /> Import CSV</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/teams/${slug}/leads/export${query}`} download><Download aria-hidden="true" /> Export CSV</a>
            </Button>
          </>
        }
      />
      <div className="grid gap-4">
        {sp.erased ? (
          <Alert role="status"><AlertDescription>The lead was erased. Its address stays blocked so it cannot be imported or emailed again.</AlertDescription></Alert>
        ) : null}
        <LeadFilters filter={filter} errors={errors} options={options} clearHref={`/${slug}/leads`} />
        {rows.length === 0 && total > 0 ? (
          <EmptyState icon={UsersRound} title="This page is past the end" description={`There are ${total} matching leads on ${pages} page${pages === 1 ? "" : "s"}.`} action={<Button asChild variant="outline" size="sm"><Link href={`/${slug}/leads${query}`}>Go to page 1</Link></Button>} />
        ) : rows.length === 0 ? (
          filtered ? (
            <EmptyState icon={UsersRound} title="No lead matches" description="Try fewer words or clear a filter." action={<Button asChild variant="outline" size="sm"><Link href={`/${slug}/leads`}>Clear filters</Link></Button>} />
          ) : (
            <EmptyState
              icon={UsersRound}
              title="No leads yet"
              description="Import a CSV of the people you want to reach, or add one lead by hand with “Add lead”."
              action={<Button asChild size="sm"><Link href={`/${slug}/leads/import`}>Import CSV</Link></Button>}
            />
          )
        ) : (
          <>
            <LeadsTable
              key={`${query}-${page}`}
              teamSlug={slug}
              tagAction={tagLeadsAction.bind(null, slug)}
              rows={rows.map((r) => ({
                id: r.id,
                email: r.email,
                name: [r.firstName, r.lastName].filter(Boolean).join(" "),
                company: r.company,
                status: r.status,
                tags: r.tags,
                created: r.createdAt.toISOString().slice(0, 10),
              }))}
            />
            <LeadsPagination filter={filter} page={page} pages={pages} total={total} />
          </>
        )}
      </div>
    </>
  );
}
