import { withTeam } from "@/lib/auth/with-team";
import { exportLeadsCsv } from "@/lib/leads/export-leads-csv";
import { parseLeadSearchParams } from "@/lib/leads/lead-search-params";

// GET /api/teams/:team/leads/export?q=&status=&tag=&campaign=&field=&value= — the Leads page's current filter as CSV, streamed.
export const GET = withTeam(
  async (req, { teamId, team }) => {
    const { filter } = parseLeadSearchParams(req.nextUrl.searchParams);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(exportLeadsCsv({ teamId, filter }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${team.slug}-leads-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "data:read" },
);
