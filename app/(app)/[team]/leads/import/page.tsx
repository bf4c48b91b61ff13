import { FileSpreadsheet } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ImportStatusBadge } from "@/components/leads/import/import-status-badge";
import { UploadCsvForm } from "@/components/leads/import/upload-csv-form";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { IMPORTS_PAGE_SIZE, listLeadImports } from "@/lib/leads/import/list-lead-imports";

export const metadata: Metadata = { title: "Import leads" };

const n = (v: number) => v.toLocaleString("en-US");

export default async function ImportLeadsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ page?: string }> }) {
  const { team: slug } = await params;
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const ctx = await requireTeamPage(slug, `/${slug}/leads/import`);
  const { rows, total } = await listLeadImports({ teamId: ctx.teamId, page });
  const pages = Math.max(1, Math.ceil(total / IMPORTS_PAGE_SIZE));

  return (
    <>
      <PageHeader title="Import leads" description="Bring leads in from a CSV file: map its columns, choose what happens to existing leads, and follow the import." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Upload a CSV</CardTitle>
            <CardDescription>
              One lead per row with a header row; an email column is required. Names, company, title, phone, website, LinkedIn, city, country, time zone and tags
              are recognised; any other column is kept as a custom field. Up to 100 MB.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <UploadCsvForm teamSlug={slug} />
          </CardContent>
        </Card>

        <section className="grid gap-3" aria-labelledby="recent-imports">
          <h2 id="recent-imports" className="text-lg font-semibold">Recent imports</h2>
          {rows.length === 0 ? (
            <EmptyState icon={FileSpreadsheet} title="No imports yet" description="Upload a CSV above; its imports and their results are listed here." />
          ) : (
            <div className="overflow-x-auto rounded-lg border">
              <Table>
                <TableHeader>
                  <TableRow><TableHead>File</TableHead><TableHead>Status</TableHead><TableHead className="text-right">Rows</TableHead><TableHead className="text-right">Created</TableHead><TableHead className="text-right">Updated</TableHead><TableHead className="text-right">Rejected</TableHead><TableHead>Uploaded</TableHead></TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.id} data-testid="import-row">
                      <TableCell className="font-medium"><Link href={`/${slug}/leads/import/${r.id}`} className="underline-offset-4 hover:underline">{r.fileName}</Link></TableCell>
                      <TableCell><ImportStatusBadge status={r.status} /></TableCell>
                      <TableCell className="text-right tabular-nums">{r.status === "running" ? `${n(r.processedRows)} / ${n(r.totalRows)}` : n(r.totalRows)}</TableCell>
                      <TableCell className="text-right tabular-nums">{n(r.importedRows)}</TableCell>
                      <TableCell className="text-right tabular-nums">{n(r.updatedRows)}</TableCell>
                      <TableCell className="text-right tabular-nums">{n(r.rejectedRows)}</TableCell>
                      <TableCell className="text-xs">{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {pages > 1 ? (
            <nav className="flex justify-between text-sm" aria-label="Imports pages">
              {page > 1 ? <Link href={`?page=${page - 1}`}>← Previous</Link> : <span />}
              <span className="text-muted-foreground">Page {page} of {pages} · {total} imports</span>
              {page < pages ? <Link href={`?page=${page + 1}`}>Next →</Link> : <span />}
            </nav>
          ) : null}
        </section>
      </div>
    </>
  );
}
