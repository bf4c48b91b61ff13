import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OutboxMessageView } from "@/components/outbox/outbox-message-view";
import { systemMailTransport } from "@/lib/email/send-system-mail";
import { getPublicOutboxMessage } from "@/lib/outbox/list-outbox";

export const metadata: Metadata = { title: "Local outbox" };

export default async function PublicOutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (systemMailTransport() !== "local-outbox" || !z.uuid().safeParse(id).success) notFound();
  const message = await getPublicOutboxMessage({ id });
  if (!message) notFound();
  return (
    <main className="mx-auto grid max-w-3xl gap-4 p-4 md:p-10">
      <Link href="/outbox" className="text-sm underline underline-offset-4">← Local outbox</Link>
      <h1 className="text-xl font-semibold">{message.subject}</h1>
      <OutboxMessageView message={message} />
    </main>
  );
}
