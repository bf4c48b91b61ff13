import { Megaphone } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { PageLinks } from "@/components/campaigns/page-links";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { CAMPAIGNS_PAGE_SIZE, listCampaigns } from "@/lib/campaigns/list-campaigns";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ page?: string; archived?: string }> }) {
  const { team: slug } = await params;
  const sp = await searchParams;
  const page = Math.min(100_000, Math.max(1, Number(sp.page) || 1));
  const archived = sp.archived === "1";
  const ctx = await requireTeamPage(slug, `/${slug}/campaigns`);
  const { rows, total } = await listCampaigns({ teamId: ctx.teamId, page, archived });
  const pages = Math.max(1, Math.ceil(total / CAMPAIGNS_PAGE_SIZE));
  const newButton = <Button asChild><Link href={`/${slug}/campaigns/new`}>New campaign</Link></Button>;

  return (
    <>
      <PageHeader title={archived ? "Archived campaigns" : "Campaigns"} description="Leads × sequence × mailboxes, sent on a safe schedule." actions={newButton} />
      <div className="grid gap-4">
        <div className="text-sm">
          {archived ? <Link className="underline" href={`/${slug}/campaigns`}>← Current campaigns</Link> : <Link className="text-muted-foreground underline" href={`/${slug}/campaigns?archived=1`}>Archived campaigns</Link>}
        </div>
        {rows.length === 0 ? (
          archived ? (
            <EmptyState icon={Megaphone} title="Nothing archived" description="Archived campaigns appear here with their results." />
          ) : (
            <EmptyState icon={Megaphone} title="No campaigns yet" description="Pick a sequence, the leads and the mailboxes to send from; you review everything before the first email goes out." action={newButton} />
          )
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Campaign</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Enrolled</TableHead>
                  <TableHead className="text-right">Active</TableHead>
                  <TableHead className="text-right">Sent</TableHead>
                  <TableHead className="text-right">Replied</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((c) => (
                  <TableRow key={c.id} data-testid="campaign-row">
                    <TableCell>
                      <Link href={`/${slug}/campaigns/${c.id}`} className="font-medium underline-offset-4 hover:underline">{c.name}</Link>
                      <div className="text-xs text-muted-foreground">{c.sequenceName ?? "No sequence yet"}</div>
                    </TableCell>
                    <TableCell><CampaignStatusBadge status={c.status} /></TableCell>
                    <TableCell className="text-right tabular-nums">{c.enrolled}</TableCell>
                    <TableCell className="text-right tabular-nums">{c.active}</TableCell>
                    <TableCell className="text-right tabular-nums">{c.sent}</TableCell>
                    <TableCell className="text-right tabular-nums">{c.replied}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <PageLinks page={page} pages={pages} total={total} noun="campaigns" href={(p) => `?page=${p}${archived ? "&archived=1" : ""}`} />
      </div>
    </>
  );
}
