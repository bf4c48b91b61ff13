"use client";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", display: "grid", placeItems: "center", minHeight: "100dvh", margin: 0 }}>
        <div style={{ textAlign: "center" }}>
          <h1>Something went wrong</h1>
          <p>We logged the problem{error.digest ? ` (reference ${error.digest})` : ""}.</p>
          <button onClick={reset}>Try again</button>
        </div>
      </body>
    </html>
  );
}
