import { withTeam } from "@/lib/auth/with-team";
import { exportLeadData } from "@/lib/leads/export-lead-data";

// GET /api/teams/:team/leads/:leadId/export — everything held about one lead (GDPR access request), as a JSON download.
export const GET = withTeam(
  async (_req, { teamId, params }) => {
    const leadId = typeof params.leadId === "string" ? params.leadId : "";
    const data = await exportLeadData({ teamId, leadId });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="lead-${leadId}.json"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "data:read" },
);
