import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Inbox" };

export default function InboxPage() {
  return (
    <>
      <PageHeader title="Inbox" description="Replies from your leads, classified." />
      <EmptyState icon={Inbox} title="No replies yet" description="Reply detection runs once a mailbox is connected and a campaign has sent mail." />
    </>
  );
}
