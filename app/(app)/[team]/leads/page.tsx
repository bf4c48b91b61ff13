import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Leads" };

export default function LeadsPage() {
  return (
    <>
      <PageHeader title="Leads" description="The people you want to reach." />
      <EmptyState icon={UsersRound} title="No leads yet" description="Lead import (CSV) and lead research are coming in the next release. Nothing is shown here until you add real leads." />
    </>
  );
}
