import { ListOrdered } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Sequences" };

export default function SequencesPage() {
  return (
    <>
      <PageHeader title="Sequences" description="Multi-step follow-ups with delays and conditions." />
      <EmptyState icon={ListOrdered} title="No sequences yet" description="Sequences with delays, conditions and A/B variants are not available yet." />
    </>
  );
}
