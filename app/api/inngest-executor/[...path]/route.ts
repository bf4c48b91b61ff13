// The embedded executor's API, as the Inngest SDK calls it: POST /api/inngest-executor/e/<event key>
// (inngest.send, step.sendEvent) and POST …/fn/register (signing-key bearer). 404 when jobs run on Inngest.
import { executorApiResponse } from "@/lib/jobs/api/executor-route";

type Context = { params: Promise<{ path: string[] }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  return executorApiResponse(request, path);
}

export async function GET(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  return executorApiResponse(request, path);
}
