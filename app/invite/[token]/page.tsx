import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/team-context";
import { findInvitation } from "@/lib/teams/accept-invitation";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

const GONE = {
  missing: "This invitation link is not valid.",
  accepted: "This invitation was already accepted.",
  revoked: "This invitation was withdrawn.",
  expired: "This invitation has expired.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const found = await findInvitation({ token });

  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <Card className="w-full max-w-md">
        {found.state !== "pending" ? (
          <CardHeader>
            <CardTitle>Invitation unavailable</CardTitle>
            <CardDescription>{GONE[found.state]} Ask a team owner or admin for a new one.</CardDescription>
          </CardHeader>
        ) : found.invitation.email !== user.email.toLowerCase() ? (
          <CardHeader>
            <CardTitle>Wrong account</CardTitle>
            <CardDescription>
              This invitation to {found.team.name} was sent to {found.invitation.email}, but you are signed in as {user.email}. Sign out and sign in with that address.
            </CardDescription>
          </CardHeader>
        ) : (
          <>
            <CardHeader>
              <CardTitle>Join {found.team.name}</CardTitle>
              <CardDescription>You were invited as {found.invitation.role === "admin" ? "an" : "a"} {found.invitation.role}.</CardDescription>
            </CardHeader>
            <CardContent className="text-sm text-muted-foreground">You will share this team&apos;s leads, templates, sequences and results.</CardContent>
            <CardFooter>
              <form action={acceptInvitationAction.bind(null, token)}>
                <Button type="submit">Accept invitation</Button>
              </form>
            </CardFooter>
          </>
        )}
        {found.state !== "pending" || found.invitation.email !== user.email.toLowerCase() ? (
          <CardFooter>
            <Link href="/" className="text-sm underline underline-offset-4">Go to your teams</Link>
          </CardFooter>
        ) : null}
      </Card>
    </main>
  );
}
