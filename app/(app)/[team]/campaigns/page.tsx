import { Megaphone } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader title="Campaigns" description="Leads × sequence × mailboxes, sent on a safe schedule." />
      <EmptyState icon={Megaphone} title="No campaigns yet" description="Campaigns arrive after mailboxes, leads and sequences. Set your postal address in Settings now: every campaign email needs it." />
    </>
  );
}
