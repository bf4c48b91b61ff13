"use client";

import { Button } from "@/components/ui/button";

// Server errors arrive here without their message (Next.js strips it); the digest ties the screen to the log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="max-w-sm text-sm text-muted-foreground">
        We logged the problem{error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it keeps happening, tell us the reference.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
