import "server-only";
import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { campaigns } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequences } from "@/db/schema/sequences";
import { teamMembers } from "@/db/schema/teams";
import { templates } from "@/db/schema/templates";

/** Real counts for the dashboard: no sample numbers, ever. */
export async function getTeamOverview({ teamId }: { teamId: string }) {
  const db = await getDb();
  const countOf = async (table: PgTable & { teamId: PgColumn }) => {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.teamId, teamId));
    return row.n;
  };
  const [members, leadCount, mailboxCount, templateCount, sequenceCount, campaignCount] = await Promise.all([
    countOf(teamMembers),
    countOf(leads),
    countOf(mailboxes),
    countOf(templates),
    countOf(sequences),
    countOf(campaigns),
  ]);
  return { members, leads: leadCount, mailboxes: mailboxCount, templates: templateCount, sequences: sequenceCount, campaigns: campaignCount };
}
