import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "@/db";
import { queryRows } from "@/db/query-rows";

const SEED_TABLES = [
  "users", "accounts", "sessions", "verification_tokens", "teams", "team_members", "invitations", "mailboxes",
  "templates", "sequences", "sequence_steps", "sequence_step_variants", "campaigns", "campaign_mailboxes",
  "campaign_enrolments", "leads", "lead_imports", "research_data", "emails", "tracked_links", "email_events",
  "suppressions", "audit_log", "api_keys", "outbox_messages", "email_drafts",
];

describe("migrations", () => {
  it("create every table of the data model, each business table with a NOT NULL team_id", async () => {
    const { db } = await database();
    const tables = await queryRows<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public'`);
    const names = tables.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(SEED_TABLES));

    const teamCols = await queryRows<{ table_name: string; is_nullable: string }>(
      db,
      sql`select table_name, is_nullable from information_schema.columns where table_schema = 'public' and column_name = 'team_id'`,
    );
    const global = new Set(["users", "accounts", "sessions", "verification_tokens", "teams", "outbox_messages"]);
    for (const table of SEED_TABLES.filter((t) => !global.has(t))) {
      expect(teamCols.find((r) => r.table_name === table), table).toMatchObject({ is_nullable: "NO" });
    }
  });

  it("can run again without changing anything", async () => {
    const opened = await database();
    await expect(opened.migrate()).resolves.toBeUndefined();
  });
});
