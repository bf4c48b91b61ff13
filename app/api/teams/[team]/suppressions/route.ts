import { withTeam } from "@/lib/auth/with-team";
import { exportSuppressionsCsv } from "@/lib/suppressions/manage-suppressions";

// GET /api/teams/:team/suppressions — the whole list as CSV (value, kind, reason, created_at).
export const GET = withTeam(
  async (_req, { teamId, team }) =>
    new Response(await exportSuppressionsCsv({ teamId }), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${team.slug}-suppressions.csv"` },
    }),
  { permission: "data:read" },
);
