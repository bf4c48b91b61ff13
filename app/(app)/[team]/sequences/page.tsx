import { ListOrdered, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { ListPager } from "@/components/templates/list-pager";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { listSequences, SEQUENCES_PAGE_SIZE } from "@/lib/sequences/list-sequences";

export const metadata: Metadata = { title: "Sequences" };

const NOTICE: Record<string, string> = { deleted: "Sequence deleted.", archived: "Sequence archived: campaigns used it, so it is kept for their history." };

export default async function SequencesPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ page?: string; q?: string; archived?: string; notice?: string }> }) {
  const { team: slug } = await params;
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : undefined;
  const archived = sp.archived === "1";
  const ctx = await requireTeamPage(slug, `/${slug}/sequences`);
  const { rows, total } = await listSequences({ teamId: ctx.teamId, page, search: q, archived });
  const newButton = <Button asChild size="sm"><Link href={`/${slug}/sequences/new`}><Plus aria-hidden="true" /> New sequence</Link></Button>;

  return (
    <>
      <PageHeader title="Sequences" description="Multi-step follow-ups with delays, conditions and A/B variants." actions={newButton} />
      <div className="grid gap-4">
        {sp.notice && NOTICE[sp.notice] ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{NOTICE[sp.notice]}</p> : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <form className="flex gap-2" role="search">
            {archived ? <input type="hidden" name="archived" value="1" /> : null}
            <Input name="q" defaultValue={q} placeholder="Search by name" className="max-w-xs" aria-label="Search sequences" />
            <Button type="submit" variant="secondary" size="sm">Search</Button>
          </form>
          <Link href={archived ? "?" : "?archived=1"} className="text-sm text-muted-foreground underline underline-offset-4">{archived ? "Show active sequences" : "Show archived sequences"}</Link>
        </div>
        {rows.length === 0 ? (
          <EmptyState
            icon={ListOrdered}
            title={q ? "No sequence matches" : archived ? "No archived sequences" : "No sequences yet"}
            description={q ? "Try another name, or build a new sequence." : "Build one: a first email, then follow-ups that wait a few business days and only go out if the lead has not replied. Or use “Add to sequence” in the composer."}
            action={archived ? undefined : newButton}
          />
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <Table>
              <TableHeader>
                <TableRow><TableHead>Name</TableHead><TableHead>Steps</TableHead><TableHead>Status</TableHead><TableHead>Campaigns</TableHead><TableHead>Updated</TableHead></TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((s) => (
                  <TableRow key={s.id} data-testid="sequence-row">
                    <TableCell className="font-medium">
                      <Link href={`/${slug}/sequences/${s.id}`} className="underline-offset-4 hover:underline">{s.name}</Link>
                      {s.description ? <p className="max-w-sm truncate text-xs font-normal text-muted-foreground">{s.description}</p> : null}
                    </TableCell>
                    <TableCell className="tabular-nums">{s.steps} {s.steps === 1 ? "step" : "steps"}</TableCell>
                    <TableCell><Badge variant={s.status === "active" ? "default" : "outline"}>{s.status}</Badge></TableCell>
                    <TableCell title={s.campaigns.map((c) => c.name).join(", ") || undefined}>
                      {s.campaigns.length === 0 ? <span className="text-muted-foreground">Not used</span> : `Used by ${s.campaigns.length} ${s.campaigns.length === 1 ? "campaign" : "campaigns"}`}
                    </TableCell>
                    <TableCell className="text-xs">{s.updatedAt.toISOString().slice(0, 10)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <ListPager page={page} total={total} pageSize={SEQUENCES_PAGE_SIZE} params={{ q, archived: archived ? "1" : undefined }} noun="sequences" />
      </div>
    </>
  );
}
