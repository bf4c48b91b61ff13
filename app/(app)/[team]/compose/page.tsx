import { PenLine } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Compose" };

export default function ComposePage() {
  return (
    <>
      <PageHeader title="Compose" description="Write a personal email with the AI copilot." />
      <EmptyState icon={PenLine} title="The AI composer is not available yet" description="Once it ships, you will pick a lead, see their research, and watch a personal email stream in here." />
    </>
  );
}
