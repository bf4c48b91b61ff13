// The Leads list: full-text search through the GIN index, filters, stable pagination and bulk tags.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { leadImports, leads, type NewLead } from "@/db/schema/leads";
import { createLead } from "@/lib/leads/create-lead";
import { leadFilterConditions } from "@/lib/leads/lead-filter";
import { createLeadSchema, tagLeadsSchema } from "@/lib/leads/lead-fields.schema";
import { parseLeadSearchParams } from "@/lib/leads/lead-search-params";
import { LEADS_PAGE_SIZE, listLeads } from "@/lib/leads/list-leads";
import { tagLeads } from "@/lib/leads/tag-leads";
import { teamScope } from "@/lib/teams/team-scope";
import { createUserWithTeam } from "../support/factories";

async function insertLeads(teamId: string, rows: Omit<NewLead, "teamId">[]) {
  const db = await getDb();
  return db.insert(leads).values(rows.map((r) => ({ ...r, teamId }))).returning();
}

const emailsOf = (rows: { email: string }[]) => rows.map((r) => r.email).sort();

describe("leads list", () => {
  it("finds leads by name prefix, company and email domain, only in the team", async () => {
    const { team } = await createUserWithTeam("search");
    const other = await createUserWithTeam("other");
    await insertLeads(team.id, [
      { email: "ada@analytical.io", firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines" },
      { email: "grace@navy.mil", firstName: "Grace", lastName: "Hopper", company: "US Navy" },
      { email: "alan@bletchley.uk", firstName: "Alan", lastName: "Turing", company: "Bletchley Park" },
    ]);
    await insertLeads(other.team.id, [{ email: "ada@elsewhere.com", firstName: "Ada", company: "Elsewhere" }]);

    const search = async (q: string) => emailsOf((await listLeads({ teamId: team.id, filter: { q } })).rows);
    expect(await search("lov")).toEqual(["ada@analytical.io"]);
    expect(await search("ada lov")).toEqual(["ada@analytical.io"]);
    expect(await search("Navy")).toEqual(["grace@navy.mil"]);
    expect(await search("bletchley.uk")).toEqual(["alan@bletchley.uk"]);
    expect(await search("bletchley")).toEqual(["alan@bletchley.uk"]);
    expect(await search("ada")).toEqual(["ada@analytical.io"]);
    expect(await search("nobody")).toEqual([]);
  });

  it("answers a search from leads_search_idx, not a table scan", async () => {
    const { team } = await createUserWithTeam("explain");
    await insertLeads(team.id, [{ email: "x@acme.com", firstName: "Xena" }]);
    // A team of realistic size, so the team's own index is not the cheaper way to find one name.
    const db = await getDb();
    await db.execute(sql`insert into leads (team_id, email, first_name, company) select ${team.id}, 'p' || g || '@bulk.com', 'Person' || g, 'Bulk Co' from generate_series(1, 2000) g`);
    await db.execute(sql`analyze leads`);
    const plan = await teamScope(team.id, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(sql`explain select id from ${leads} where ${leadFilterConditions(team.id, { q: "xen" })}`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[];
      return rows.map((r) => Object.values(r)[0]).join("\n");
    });
    expect(plan).toContain("leads_search_idx");
  });

  it("filters by status, tag, campaign and custom field, and reads them from the URL", async () => {
    const { team } = await createUserWithTeam("filters");
    const [a, b, c] = await insertLeads(team.id, [
      { email: "a@x.com", status: "new", tags: ["vip", "q3"], customFields: { industry: "fintech", size: "50" } },
      { email: "b@x.com", status: "replied", tags: ["q3"], customFields: { industry: "health" } },
      { email: "c@x.com", status: "replied", tags: [], customFields: { industry: "fintech" } },
    ]);
    const db = await getDb();
    const [campaign] = await db.insert(campaigns).values({ teamId: team.id, name: "Q3 push" }).returning();
    await db.insert(campaignEnrolments).values([{ teamId: team.id, campaignId: campaign.id, leadId: b.id }]);

    const list = async (params: Record<string, string>) => {
      const { filter } = parseLeadSearchParams(params);
      return emailsOf((await listLeads({ teamId: team.id, filter })).rows);
    };
    expect(await list({ status: "replied" })).toEqual(["b@x.com", "c@x.com"]);
    expect(await list({ tag: "q3" })).toEqual(["a@x.com", "b@x.com"]);
    expect(await list({ tag: "vip", status: "replied" })).toEqual([]);
    expect(await list({ campaign: campaign.id })).toEqual(["b@x.com"]);
    // "View imported leads" after an import links here with ?importId=.
    const [imported] = await db.insert(leadImports).values({ teamId: team.id, fileName: "c.csv" }).returning();
    await db.update(leads).set({ importId: imported.id }).where(eq(leads.id, c.id));
    expect(await list({ importId: imported.id })).toEqual(["c@x.com"]);
    expect(await list({ field: "industry", value: "fintech" })).toEqual(["a@x.com", "c@x.com"]);
    expect(await list({ field: "industry", value: "fintech", status: "new" })).toEqual(["a@x.com"]);
    expect(await list({ status: "", q: " " })).toEqual(["a@x.com", "b@x.com", "c@x.com"]);
    expect(c.id).toBeTruthy();

    const bad = parseLeadSearchParams({ status: "bogus", campaign: "nope", page: "-3" });
    expect(bad.filter).toEqual({});
    expect(bad.page).toBe(1);
    expect(Object.keys(bad.errors).sort()).toEqual(["campaignId", "status"]);
  });

  it("pages through 120 leads, 50 a page, newest first, every lead exactly once", async () => {
    const { team } = await createUserWithTeam("pages");
    const base = Date.UTC(2025, 0, 1);
    // Pairs share a creation time: the id must break the tie for pages to stay stable.
    await insertLeads(team.id, Array.from({ length: 120 }, (_, i) => ({ email: `lead${i}@p.com`, createdAt: new Date(base + Math.floor(i / 2) * 1000) })));
    const pages = await Promise.all([1, 2, 3].map((page) => listLeads({ teamId: team.id, page })));
    expect(pages.map((p) => p.rows.length)).toEqual([LEADS_PAGE_SIZE, LEADS_PAGE_SIZE, 20]);
    expect(pages[0]).toMatchObject({ total: 120, pages: 3 });
    const all = pages.flatMap((p) => p.rows);
    expect(new Set(all.map((r) => r.id)).size).toBe(120);
    expect(all[0].email).toMatch(/^lead11[89]@/);
    const times = all.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it("adds and removes a tag on the selected leads only, never twice, never across teams", async () => {
    const { user, team } = await createUserWithTeam("tags");
    const other = await createUserWithTeam("other-tags");
    const [a, b, c] = await insertLeads(team.id, [{ email: "a@t.com", tags: ["hot"] }, { email: "b@t.com" }, { email: "c@t.com" }]);
    const [foreign] = await insertLeads(other.team.id, [{ email: "f@t.com" }]);

    const add = tagLeadsSchema.parse({ leadIds: [a.id, b.id, foreign.id], tag: " hot ", mode: "add" });
    expect(await tagLeads({ teamId: team.id, actorUserId: user.id, input: add })).toEqual({ changed: 1 });
    const tagsOf = async () => Object.fromEntries((await listLeads({ teamId: team.id })).rows.map((r) => [r.email, r.tags]));
    expect(await tagsOf()).toEqual({ "a@t.com": ["hot"], "b@t.com": ["hot"], "c@t.com": [] });
    expect((await listLeads({ teamId: other.team.id })).rows[0].tags).toEqual([]);

    const remove = tagLeadsSchema.parse({ leadIds: [a.id, c.id], tag: "hot", mode: "remove" });
    expect(await tagLeads({ teamId: team.id, actorUserId: user.id, input: remove })).toEqual({ changed: 1 });
    expect(await tagsOf()).toEqual({ "a@t.com": [], "b@t.com": ["hot"], "c@t.com": [] });
    expect(tagLeadsSchema.safeParse({ leadIds: [], tag: "", mode: "add" }).error?.issues.map((i) => i.message)).toEqual([
      "Select at least one lead.",
      "Type the tag to add or remove.",
    ]);
  });

  it("adds a lead by hand with a lower-cased address and refuses a duplicate", async () => {
    const { user, team } = await createUserWithTeam("manual");
    const input = createLeadSchema.parse({ email: " Ada@Example.COM ", firstName: "Ada", tags: "vip, q3", customFields: "industry: fintech\nsize=50", timezone: "Europe/Berlin" });
    const lead = await createLead({ teamId: team.id, actorUserId: user.id, input });
    expect(lead).toMatchObject({ email: "ada@example.com", tags: ["vip", "q3"], customFields: { industry: "fintech", size: "50" }, timezone: "Europe/Berlin", source: "manual" });
    const again = await createLead({ teamId: team.id, actorUserId: user.id, input }).catch((e) => e);
    expect(again).toMatchObject({ code: "conflict", fields: { email: ["A lead with this address already exists in this team."] } });
    const bad = createLeadSchema.safeParse({ email: "nope", timezone: "Mars/Olympus", website: "not a url at all" });
    expect(Object.keys(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), 1]))).sort()).toEqual(["email", "timezone", "website"]);
  });
});
