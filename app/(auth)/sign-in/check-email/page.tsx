import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { systemMailTransport } from "@/lib/email/send-system-mail";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  await connection(); // which mail transport is live is known at request time, not at build time
  const local = systemMailTransport() === "local-outbox";
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-xl">Check your email</CardTitle>
          <CardDescription>A sign-in link is on its way. It works once and expires in 24 hours.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2 text-sm">
          {local ? (
            <p>
              This app has no mail provider configured, so the email is in the{" "}
              <Link href="/outbox" className="font-medium underline underline-offset-4">local outbox</Link>.
            </p>
          ) : null}
          <Link href="/sign-in" className="text-muted-foreground underline underline-offset-4">Use a different email</Link>
        </CardContent>
      </Card>
    </main>
  );
}
