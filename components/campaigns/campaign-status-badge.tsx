import { Badge } from "@/components/ui/badge";
import type { CampaignStatus, EnrolmentStatus } from "@/db/schema/campaigns";

const CAMPAIGN: Record<CampaignStatus, { label: string; variant: "default" | "secondary" | "outline" | "destructive" }> = {
  draft: { label: "Draft", variant: "outline" },
  scheduled: { label: "Scheduled", variant: "secondary" },
  running: { label: "Running", variant: "default" },
  paused: { label: "Paused", variant: "secondary" },
  completed: { label: "Completed", variant: "outline" },
  archived: { label: "Archived", variant: "outline" },
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { label, variant } = CAMPAIGN[status];
  return <Badge variant={variant} data-testid="campaign-status">{label}</Badge>;
}

export const ENROLMENT_STATUS_LABEL: Record<EnrolmentStatus, string> = {
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  replied: "Replied",
  bounced: "Bounced",
  unsubscribed: "Unsubscribed",
  stopped: "Stopped",
  failed: "Failed",
};

export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const bad = status === "bounced" || status === "failed" || status === "unsubscribed";
  return <Badge variant={bad ? "destructive" : status === "replied" ? "default" : status === "active" ? "secondary" : "outline"}>{ENROLMENT_STATUS_LABEL[status]}</Badge>;
}
