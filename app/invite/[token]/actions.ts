"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/team-context";
import { acceptInvitation } from "@/lib/teams/accept-invitation";

const tokenSchema = z.string().min(20).max(100);

export async function acceptInvitationAction(token: string) {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const team = await acceptInvitation({ token: tokenSchema.parse(token), user });
  redirect(`/${team.slug}/dashboard`);
}
