import fs from "node:fs";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { ImportProgress } from "@/components/leads/import/import-progress";
import { ImportStatusBadge } from "@/components/leads/import/import-status-badge";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { LeadImport } from "@/db/schema/leads";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { AppError } from "@/lib/errors";
import { getLeadImport } from "@/lib/leads/import/get-lead-import";
import { fileKeyPath } from "@/lib/leads/import/import-files";
import { CUSTOM_PREFIX, customFieldKey } from "@/lib/leads/import/lead-import-fields";
import { readImportPreview } from "@/lib/leads/import/read-import-preview";
import { ImportSummary } from "./import-summary";
import { MappingForm, type MappingColumn } from "./mapping-form";

export const metadata: Metadata = { title: "Import leads" };

async function mappingColumns(job: LeadImport): Promise<MappingColumn[] | null> {
  if (!job.fileKey || !fs.existsSync(fileKeyPath(job.fileKey))) return null;
  const { rows } = await readImportPreview(fileKeyPath(job.fileKey));
  return job.headers.map((header, i) => {
    const value = job.mapping[header] ?? "ignore";
    return {
      header,
      samples: rows.map((r) => (r[i] ?? "").trim()).filter(Boolean).slice(0, 3),
      value,
      customValue: value.startsWith(CUSTOM_PREFIX) ? value : `${CUSTOM_PREFIX}${customFieldKey(header)}`,
    };
  });
}

export default async function LeadImportPage({ params }: { params: Promise<{ team: string; importId: string }> }) {
  const { team: slug, importId } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/leads/import/${importId}`);
  const job = await getLeadImport({ teamId: ctx.teamId, importId }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const columns = job.status === "pending" ? await mappingColumns(job) : null;

  return (
    <>
      <PageHeader
        title={job.fileName}
        description={`${job.totalRows.toLocaleString("en-US")} rows · uploaded ${job.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
        actions={<ImportStatusBadge status={job.status} />}
      />
      {job.status === "pending" ? (
        <Card>
          <CardHeader>
            <CardTitle>Map the columns</CardTitle>
            <CardDescription>Choose what each column of the file becomes. Columns you keep as custom fields can be used as variables in emails.</CardDescription>
          </CardHeader>
          <CardContent>
            {columns ? (
              <MappingForm teamSlug={slug} importId={job.id} columns={columns} />
            ) : (
              <p className="text-sm">The uploaded file is no longer on the server. <Link href={`/${slug}/leads/import`} className="underline underline-offset-4">Upload it again</Link>.</p>
            )}
          </CardContent>
        </Card>
      ) : job.status === "running" ? (
        <Card>
          <CardHeader>
            <CardTitle>Importing…</CardTitle>
            <CardDescription>You can leave this page; the import carries on and its result is kept under Recent imports.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <ImportProgress processed={job.processedRows} total={job.totalRows} />
            <p className="text-sm text-muted-foreground">
              {job.importedRows.toLocaleString("en-US")} created · {job.updatedRows.toLocaleString("en-US")} updated · {job.rejectedRows.toLocaleString("en-US")} rejected so far
            </p>
            <AutoRefresh intervalMs={1500} />
          </CardContent>
        </Card>
      ) : (
        <ImportSummary teamSlug={slug} job={job} />
      )}
    </>
  );
}
