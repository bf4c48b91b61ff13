import { withTeam } from "@/lib/auth/with-team";
import { listMembers } from "@/lib/teams/list-members";

// GET /api/teams/:team/members — the team's members; another team's slug answers 404.
export const GET = withTeam(
  async (_req, { teamId }) => {
    const members = await listMembers({ teamId });
    return Response.json({ members: members.map((m) => ({ id: m.id, email: m.email, name: m.name, role: m.role, joinedAt: m.joinedAt })) });
  },
  { permission: "data:read" },
);
