import Link from "next/link";
import type { LeadImport } from "@/db/schema/leads";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const SHOWN_ERRORS = 20;
const n = (v: number) => v.toLocaleString("en-US");

/** The result of a finished (or failed) import: counts, the first rejected rows, and where to go next. */
export function ImportSummary({ teamSlug, job }: { teamSlug: string; job: LeadImport }) {
  const fatal = job.errors.find((e) => e.row === 0);
  const rowErrors = job.errors.filter((e) => e.row > 0);
  const stats = [
    ["Created", job.importedRows],
    ["Updated", job.updatedRows],
    ["Skipped (already leads)", job.skippedRows],
    ["Duplicates in the file", job.duplicateRows],
    ["Rejected", job.rejectedRows],
  ] as const;
  return (
    <div className="grid gap-6">
      {fatal ? (
        <Alert variant="destructive">
          <AlertTitle>The import stopped after {n(job.processedRows)} of {n(job.totalRows)} rows</AlertTitle>
          <AlertDescription>
            {fatal.message} Leads written before it stopped were kept (the counts below); upload the file again to import the rest — existing leads are matched by email.
          </AlertDescription>
        </Alert>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg border p-4">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`summary-${label.split(" ")[0].toLowerCase()}`}>{n(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button asChild><Link href={`/${teamSlug}/leads?importId=${job.id}`}>View imported leads</Link></Button>
        {job.rejectedRows > 0 ? (
          <Button asChild variant="outline"><a href={`/api/teams/${teamSlug}/imports/${job.id}/rejected`} download>Download rejected rows (CSV)</a></Button>
        ) : null}
        <Button asChild variant="ghost"><Link href={`/${teamSlug}/leads/import`}>Import another file</Link></Button>
      </div>
      {rowErrors.length > 0 ? (
        <section className="grid gap-2" aria-labelledby="rejected-rows">
          <h2 id="rejected-rows" className="text-lg font-semibold">Rejected rows</h2>
          <p className="text-sm text-muted-foreground">Row 1 is the first row under the header. {job.rejectedRows > SHOWN_ERRORS ? `The first ${SHOWN_ERRORS} of ${n(job.rejectedRows)} are shown; the download has them all.` : null}</p>
          <div className="overflow-x-auto rounded-lg border">
            <Table>
              <TableHeader><TableRow><TableHead className="w-20">Row</TableHead><TableHead>Email</TableHead><TableHead>Reason</TableHead></TableRow></TableHeader>
              <TableBody>
                {rowErrors.slice(0, SHOWN_ERRORS).map((e) => (
                  <TableRow key={e.row} data-testid="rejected-row">
                    <TableCell className="tabular-nums">{e.row}</TableCell>
                    <TableCell>{e.email ?? "—"}</TableCell>
                    <TableCell>{e.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
