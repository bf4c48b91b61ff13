// Session → team membership → role, resolved once per request by the page, action and route wrappers.
import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getMembershipBySlug } from "@/lib/teams/get-membership";
import { can, type Permission } from "@/lib/teams/permissions";
import type { TeamRole } from "@/db/schema/teams";
import type { Team } from "@/db/schema/teams";
import { auth } from "./auth";

export type SessionUser = { id: string; email: string; name?: string | null; image?: string | null };
export type TeamContext = { user: SessionUser; team: Team; teamId: string; role: TeamRole };

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

/** Throws AppError: unauthorized without a session; not_found for a team the user is not in. */
export async function resolveTeamContext(slug: string, permission?: Permission): Promise<TeamContext> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
  const membership = await getMembershipBySlug({ userId: user.id, slug });
  if (!membership) throw new AppError("not_found", "That team was not found.");
  if (permission && !can(membership.role, permission)) {
    throw new AppError("forbidden", "Your role in this team does not allow that. Ask an owner or admin.");
  }
  return { user, team: membership.team, teamId: membership.team.id, role: membership.role };
}
