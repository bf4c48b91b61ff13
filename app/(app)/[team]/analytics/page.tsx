import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Analytics" };

export default function AnalyticsPage() {
  return (
    <>
      <PageHeader title="Analytics" description="Opens, clicks, replies and what works." />
      <EmptyState icon={BarChart3} title="Nothing to report yet" description="Analytics appear once campaigns have sent email. There is no sample data here." />
    </>
  );
}
