import { Badge } from "@/components/ui/badge";
import type { MailboxStatus } from "@/db/schema/mailboxes";

const LABEL: Record<MailboxStatus, string> = { active: "Active", paused: "Paused", disconnected: "Disconnected", error: "Error" };

export function MailboxStatusBadge({ status }: { status: MailboxStatus }) {
  return <Badge variant={status === "active" ? "secondary" : status === "paused" ? "outline" : "destructive"}>{LABEL[status]}</Badge>;
}

export const PROVIDER_LABEL = { gmail: "Gmail", outlook: "Outlook", smtp: "SMTP", resend: "Resend", local: "Local outbox" } as const;
