import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/team-context";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { env } from "@/lib/env";
import { signInWithProvider } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  EmailSignin: "We could not send the sign-in email. If you asked several times in a row, wait a few minutes and try again.",
  OAuthAccountNotLinked: "That email already signs in another way. Use the email link below.",
  AccessDenied: "Access was denied.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl: rawCallback, error } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallback);
  if (await currentUser()) redirect(callbackUrl);
  const e = env();
  const oauth = [
    e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? { id: "google" as const, label: "Continue with Google" } : null,
    e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET ? { id: "microsoft-entra-id" as const, label: "Continue with Microsoft" } : null,
  ].filter((p) => p !== null);

  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-xl">Sign in to Sales Copilot</CardTitle>
          <CardDescription>No password: we email you a link. First time here? The same link creates your account and a personal team.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {error ? <p role="alert" className="rounded-md border border-destructive/40 p-3 text-sm text-destructive">{ERRORS[error] ?? "Sign-in failed. Please try again."}</p> : null}
          <SignInForm callbackUrl={callbackUrl} />
          {oauth.map((p) => (
            <form key={p.id} action={signInWithProvider.bind(null, p.id, callbackUrl)}>
              <Button type="submit" variant="outline" className="w-full">{p.label}</Button>
            </form>
          ))}
        </CardContent>
      </Card>
    </main>
  );
}
