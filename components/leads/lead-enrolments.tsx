// The campaigns this lead is in: where each enrolment stands and, when it stopped, why.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Enrolment = { id: string; campaignId: string; campaignName: string; status: string; stopReason: string | null; currentStepPosition: number };

export function LeadEnrolments({ enrolments, teamSlug }: { enrolments: Enrolment[]; teamSlug: string }) {
  if (enrolments.length === 0) return <p className="text-sm text-muted-foreground">Not in any campaign. Add the lead to a campaign from the Campaigns page (by tag, filter or list).</p>;
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow><TableHead>Campaign</TableHead><TableHead>Status</TableHead><TableHead>Next step</TableHead><TableHead>Stop reason</TableHead></TableRow>
        </TableHeader>
        <TableBody>
          {enrolments.map((e) => (
            <TableRow key={e.id} data-testid="enrolment-row">
              <TableCell><Link href={`/${teamSlug}/campaigns`} className="hover:underline">{e.campaignName}</Link></TableCell>
              <TableCell><Badge variant={e.status === "active" ? "default" : "secondary"}>{e.status}</Badge></TableCell>
              <TableCell>{e.currentStepPosition + 1}</TableCell>
              <TableCell className="text-muted-foreground">{e.stopReason ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
