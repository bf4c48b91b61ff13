// Who is in the campaign, where they are in the sequence and why they stopped; filtered by status, paginated.
import { Users } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { enrolmentStatus, type EnrolmentStatus } from "@/db/schema/campaigns";
import type { listEnrolments } from "@/lib/campaigns/list-enrolments";
import { ENROLMENT_STATUS_LABEL, EnrolmentStatusBadge } from "./campaign-status-badge";
import { PageLinks } from "./page-links";

type Rows = Awaited<ReturnType<typeof listEnrolments>>["rows"];
const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

export function EnrolmentsTable({ teamSlug, basePath, rows, total, page, pageSize, status }: { teamSlug: string; basePath: string; rows: Rows; total: number; page: number; pageSize: number; status?: EnrolmentStatus }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}#enrolments`;
  return (
    <section aria-labelledby="enrolments" className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="enrolments" className="text-lg font-semibold">Enrolments</h2>
        <form className="flex items-end gap-2" action={basePath}>
          <div className="grid gap-1">
            <Label htmlFor="enrolment-status">Status</Label>
            <NativeSelect id="enrolment-status" name="status" defaultValue={status ?? ""}>
              <option value="">All</option>
              {enrolmentStatus.enumValues.map((s) => <option key={s} value={s}>{ENROLMENT_STATUS_LABEL[s]}</option>)}
            </NativeSelect>
          </div>
          <Button type="submit" variant="secondary" size="sm">Filter</Button>
        </form>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={Users} title={status ? `No ${ENROLMENT_STATUS_LABEL[status].toLowerCase()} enrolments` : "Nobody enrolled yet"} description={status ? "Pick another status, or All." : "Leads are enrolled when the campaign starts; review and start it to begin."} />
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Lead</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead className="text-right">Step</TableHead>
                <TableHead>Next step at</TableHead>
                <TableHead>Mailbox</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="enrolment-row">
                  <TableCell>
                    <Link href={`/${teamSlug}/leads/${r.leadId}`} className="font-medium underline-offset-4 hover:underline">
                      {[r.firstName, r.lastName].filter(Boolean).join(" ") || r.email}
                    </Link>
                    <div className="text-xs text-muted-foreground">{r.email}</div>
                  </TableCell>
                  <TableCell><EnrolmentStatusBadge status={r.status} /></TableCell>
                  <TableCell className="max-w-xs text-sm">{r.stopReason ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.stepPosition + 1}</TableCell>
                  <TableCell className="text-xs">{r.status === "active" ? when(r.nextStepAt) : "—"}</TableCell>
                  <TableCell className="text-xs">{r.mailboxEmail ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PageLinks page={page} pages={pages} total={total} noun="enrolments" href={href} />
    </section>
  );
}
