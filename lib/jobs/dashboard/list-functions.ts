// The functions the app serves (as last synced), for the dashboard's filter and "send a test event".
import "server-only";
import { asc, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { jobFunctions } from "@/db/schema/jobs";

export async function listFunctions(): Promise<{ id: string; name: string; triggers: string[] }[]> {
  const db = await getDb();
  const rows = await db.select().from(jobFunctions).where(isNull(jobFunctions.removedAt)).orderBy(asc(jobFunctions.name));
  return rows.map((f) => ({
    id: f.id,
    name: f.name,
    triggers: (f.triggers as { event?: string; cron?: string }[]).map((t) => (t.cron ? `cron: ${t.cron}` : (t.event ?? "?"))),
  }));
}
