import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="max-w-sm text-sm text-muted-foreground">This page does not exist, or it belongs to a team you are not a member of.</p>
      <Link href="/" className="text-sm underline underline-offset-4">Go to your dashboard</Link>
    </main>
  );
}
