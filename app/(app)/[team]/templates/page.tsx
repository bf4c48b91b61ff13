import { FileText } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Templates" };

export default function TemplatesPage() {
  return (
    <>
      <PageHeader title="Templates" description="Reusable emails your team shares." />
      <EmptyState icon={FileText} title="No templates yet" description="Templates will be saved from the composer and shared with your whole team." />
    </>
  );
}
