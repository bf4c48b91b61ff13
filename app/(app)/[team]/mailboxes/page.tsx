import { Mail } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Mailboxes" };

export default function MailboxesPage() {
  return (
    <>
      <PageHeader title="Mailboxes" description="The accounts your email is sent from." />
      <EmptyState icon={Mail} title="No mailboxes connected" description="Connecting Gmail, Outlook, SMTP or Resend is coming next. Until then the app's own mail (sign-in links, invitations) lands in the local Outbox." />
    </>
  );
}
