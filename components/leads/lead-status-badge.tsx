import { Badge } from "@/components/ui/badge";

export const LEAD_STATUS_LABEL: Record<string, string> = {
  new: "New",
  contacted: "Contacted",
  replied: "Replied",
  interested: "Interested",
  not_interested: "Not interested",
  bounced: "Bounced",
  unsubscribed: "Unsubscribed",
};

export function LeadStatusBadge({ status }: { status: string }) {
  const variant = status === "bounced" || status === "unsubscribed" ? "destructive" : status === "new" ? "outline" : "secondary";
  return <Badge variant={variant}>{LEAD_STATUS_LABEL[status] ?? status}</Badge>;
}
