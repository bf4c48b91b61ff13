import { ShieldOff } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { listSuppressions, SUPPRESSIONS_PAGE_SIZE } from "@/lib/suppressions/manage-suppressions";
import { can } from "@/lib/teams/permissions";
import { AddSuppressionsForm, RemoveSuppressionButton } from "./suppression-forms";

export const metadata: Metadata = { title: "Suppression list" };

const REASON: Record<string, string> = { unsubscribed: "Unsubscribed", hard_bounce: "Hard bounce", complaint: "Spam complaint", manual: "Added by hand", invalid: "Invalid" };

export default async function SuppressionsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ page?: string; q?: string }> }) {
  const { team: slug } = await params;
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : undefined;
  const ctx = await requireTeamPage(slug, `/${slug}/suppressions`);
  const { rows, total } = await listSuppressions({ teamId: ctx.teamId, page, search: q });
  const pages = Math.max(1, Math.ceil(total / SUPPRESSIONS_PAGE_SIZE));
  const mayRemove = can(ctx.role, "team:settings");

  return (
    <>
      <PageHeader
        title="Suppression list"
        description="Addresses and domains this team never emails, whatever campaign they are in."
        actions={<Button asChild variant="outline" size="sm"><a href={`/api/teams/${slug}/suppressions`}>Export CSV</a></Button>}
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader><CardTitle>Add or import</CardTitle></CardHeader>
          <CardContent><AddSuppressionsForm teamSlug={slug} /></CardContent>
        </Card>
        <form className="flex gap-2" role="search">
          <Input name="q" defaultValue={q} placeholder="Search addresses and domains" className="max-w-xs" aria-label="Search suppressions" />
          <Button type="submit" variant="secondary" size="sm">Search</Button>
        </form>
        {rows.length === 0 ? (
          <EmptyState icon={ShieldOff} title={q ? "No match" : "Nobody suppressed yet"} description="Unsubscribes, hard bounces and complaints are added here automatically; you can add addresses or whole domains by hand." />
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <Table>
              <TableHeader>
                <TableRow><TableHead>Address or domain</TableHead><TableHead>Reason</TableHead><TableHead>Since</TableHead><TableHead><span className="sr-only">Actions</span></TableHead></TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} data-testid="suppression-row">
                    <TableCell className="font-medium">{r.kind === "address_hash" ? <>Erased lead <Badge variant="outline">hashed</Badge></> : <>{r.value} {r.kind === "domain" ? <Badge variant="outline">domain</Badge> : null}</>}</TableCell>
                    <TableCell>{REASON[r.reason] ?? r.reason}</TableCell>
                    <TableCell className="text-xs">{r.createdAt.toISOString().slice(0, 10)}</TableCell>
                    <TableCell className="text-right">{mayRemove ? <RemoveSuppressionButton teamSlug={slug} id={r.id} value={r.value} /> : null}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {pages > 1 ? (
          <div className="flex justify-between text-sm">
            {page > 1 ? <Link href={`?page=${page - 1}${q ? `&q=${encodeURIComponent(q)}` : ""}`}>← Previous</Link> : <span />}
            <span className="text-muted-foreground">Page {page} of {pages} · {total} entries</span>
            {page < pages ? <Link href={`?page=${page + 1}${q ? `&q=${encodeURIComponent(q)}` : ""}`}>Next →</Link> : <span />}
          </div>
        ) : null}
      </div>
    </>
  );
}
