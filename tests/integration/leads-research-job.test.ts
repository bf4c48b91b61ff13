// The research job on the real executor: a local company site → sourced facts on the lead; refused pages fail visibly.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { leads } from "@/db/schema/leads";
import { researchData } from "@/db/schema/research";
import { createResearchLeadFunction } from "@/inngest/functions/research-lead";
import { addLeadFact, deleteLeadFact, updateLeadFact } from "@/lib/leads/edit-lead-facts";
import { companySiteFor } from "@/lib/research/research-lead";
import { createUserWithTeam } from "../support/factories";
import { sendAndFindRun, startJobsHarness, waitForRunEnd, type JobsHarness } from "../support/jobs-harness";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/ai-research");
let site: http.Server;
let base = "";
let h: JobsHarness;

beforeAll(async () => {
  site = http.createServer((req, res) => {
    const file = path.join(FIXTURES, `${(req.url ?? "/").replace(/[^a-z-]/g, "")}.html`);
    if (!fs.existsSync(file)) return res.writeHead(404, { "content-type": "text/html" }).end("<p>missing</p>");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  const { port } = site.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  // Only this test site may be private; everything else goes through the normal SSRF checks.
  h = await startJobsHarness({ functions: (client) => [createResearchLeadFunction(client, { fetch: { allowPrivateForTests: [`127.0.0.1:${port}`] } })] });
});
afterAll(async () => {
  await h?.close();
  site?.closeAllConnections();
  await new Promise<void>((r) => site?.close(() => r()));
});

async function research(teamId: string, leadId: string, urls: string[] = []) {
  const run = await sendAndFindRun(h, "test-app-research-lead", { name: "leads/research.requested", data: { teamId, leadId, urls } });
  expect((await waitForRunEnd(h.db, run.id, 30_000)).status).toBe("completed");
  const [row] = await (await getDb()).select().from(researchData).where(eq(researchData.leadId, leadId));
  return row;
}

describe("research-lead job", () => {
  it("turns the lead's site and an extra page into facts with sources, keeping the rep's own facts on a re-run", async () => {
    const { user, team } = await createUserWithTeam("research");
    const [lead] = await (await getDb()).insert(leads).values({ teamId: team.id, email: "ceo@orbital.example", company: "Orbital Freight", website: `${base}/news` }).returning();
    const first = await research(team.id, lead.id, [`${base}/careers`]);
    expect(first.status).toBe("done");
    expect(first.error).toBeNull();
    expect(first.sources.map((s) => [s.url, s.status])).toEqual([[`${base}/news`, 200], [`${base}/careers`, 200]]);
    const claims = first.facts.map((f) => f.claim);
    expect(claims).toContain("Orbital Freight today announced a $48M Series B led by Northzone, with participation from existing investors.");
    expect(claims).toContain("Orbital Freight is hiring 25 people across sales and engineering in Berlin and Lisbon this year.");
    for (const fact of first.facts) expect([`${base}/news`, `${base}/careers`]).toContain(fact.sourceUrl);

    // The rep corrects one fact, deletes another and adds their own; a new run keeps theirs and dedupes by claim.
    const mine = await addLeadFact({ teamId: team.id, actorUserId: user.id, input: { leadId: lead.id, claim: "Met the CEO at SaaStr", sourceUrl: "https://notes.example/saastr" } });
    await deleteLeadFact({ teamId: team.id, actorUserId: user.id, input: { leadId: lead.id, factId: first.facts[1].id } });
    await updateLeadFact({ teamId: team.id, actorUserId: user.id, input: { leadId: lead.id, factId: first.facts[0].id, claim: "Orbital Freight raised a $48M Series B." } });
    const other = await createUserWithTeam("other");
    await expect(deleteLeadFact({ teamId: other.team.id, actorUserId: other.user.id, input: { leadId: lead.id, factId: mine.id } })).rejects.toMatchObject({ code: "not_found" });

    const second = await research(team.id, lead.id, [`${base}/careers`]);
    expect(second.status).toBe("done");
    expect(second.facts.filter((f) => f.id === mine.id)).toHaveLength(1);
    const secondClaims = second.facts.map((f) => f.claim.toLowerCase());
    expect(new Set(secondClaims).size).toBe(secondClaims.length);
    expect(second.facts.length).toBe(first.facts.length + 1);
  });

  it("fails visibly, naming the refused page, when the only site points into a private network", async () => {
    const { team } = await createUserWithTeam("refused");
    const [lead] = await (await getDb()).insert(leads).values({ teamId: team.id, email: "x@gmail.com", website: "http://169.254.169.254/latest/meta-data" }).returning();
    const row = await research(team.id, lead.id, ["http://10.0.0.1/"]);
    expect(row.status).toBe("failed");
    expect(row.facts).toEqual([]);
    expect(row.error).toContain("http://169.254.169.254/latest/meta-data: 169.254.169.254 points to a private or reserved network address");
    expect(row.error).toContain("http://10.0.0.1/");
  });

  it("researches the email domain unless it is a free-mail provider", () => {
    expect(companySiteFor({ website: null, email: "a@acme.io" })).toBe("https://acme.io");
    expect(companySiteFor({ website: null, email: "a@gmail.com" })).toBeNull();
    expect(companySiteFor({ website: "https://acme.com/about", email: "a@gmail.com" })).toBe("https://acme.com/about");
    expect(companySiteFor({ website: "acme.com", email: "a@gmail.com" })).toBe("https://acme.com");
  });
});
