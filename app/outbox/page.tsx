import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { OutboxList } from "@/components/outbox/outbox-list";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { systemMailTransport } from "@/lib/email/send-system-mail";
import { listPublicOutbox, OUTBOX_PAGE_SIZE } from "@/lib/outbox/list-outbox";

export const metadata: Metadata = { title: "Local outbox" };

// Exists only while no mail provider is configured: it is how sign-in links reach you on one machine.
export default async function PublicOutboxPage() {
  await connection();
  if (systemMailTransport() !== "local-outbox") notFound();
  const rows = await listPublicOutbox({});
  return (
    <main className="mx-auto grid max-w-3xl gap-6 p-4 md:p-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Local outbox</h1>
        <p className="mt-1 text-sm text-muted-foreground">Sign-in links and invitations sent by this app.</p>
      </div>
      <Alert>
        <AlertTitle>No mail provider configured</AlertTitle>
        <AlertDescription>
          Mail stays on this machine and anyone who can open this page can read it. Set RESEND_API_KEY before sharing this app with others; this page then disappears.
        </AlertDescription>
      </Alert>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing here yet. <Link href="/sign-in" className="underline underline-offset-4">Sign in</Link> with your email and the link appears here.
        </p>
      ) : (
        <OutboxList rows={rows.slice(0, OUTBOX_PAGE_SIZE)} hrefFor={(id) => `/outbox/${id}`} />
      )}
    </main>
  );
}
