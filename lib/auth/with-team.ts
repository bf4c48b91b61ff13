// The one wrapper for team route handlers (/api/teams/[team]/…): session → membership → role, then the body.
import "server-only";
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/errors";
import type { Permission } from "@/lib/teams/permissions";
import { resolveTeamContext, type TeamContext } from "./team-context";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function withTeam(
  handler: (req: NextRequest, ctx: TeamContext & { params: Record<string, string | string[]> }) => Promise<Response>,
  options: { permission: Permission },
) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    const params = await route.params;
    try {
      const slug = typeof params.team === "string" ? params.team : "";
      const ctx = await resolveTeamContext(slug, options.permission);
      return await handler(req, { ...ctx, params });
    } catch (error) {
      return errorResponse(error, { route: req.nextUrl.pathname, method: req.method });
    }
  };
}
