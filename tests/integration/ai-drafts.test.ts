// Every finished draft is kept for the rep who asked for it: written, served from the cache, or rewritten.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailDrafts } from "@/db/schema/drafts";
import { deleteEmailDraft } from "@/lib/ai/delete-email-draft";
import { emailDraftResponse } from "@/lib/ai/email-draft-response";
import { emailRewriteResponse } from "@/lib/ai/email-rewrite-response";
import { generateEmailInputSchema } from "@/lib/ai/generate-email.schema";
import { listEmailDrafts } from "@/lib/ai/list-email-drafts";
import { getLanguageModel } from "@/lib/ai/models";
import { parseDraft } from "@/lib/ai/parse-draft";
import { rewriteEmailInputSchema } from "@/lib/ai/rewrite-email.schema";
import { createLead } from "@/lib/leads/create-lead";
import { createLeadSchema } from "@/lib/leads/lead-fields.schema";
import { createUserWithTeam } from "@/tests/support/factories";
import { waitFor } from "@/tests/support/jobs-harness";
import { useOpenAICompatibleServerAsModel } from "@/tests/support/use-openai-compatible-model";

const llm = useOpenAICompatibleServerAsModel();

const FACTS = [
  { id: "f1", claim: "Kestrel Bank launched a mobile mortgage app in October.", sourceUrl: "https://kestrel.example/news" },
  { id: "f2", claim: "Kestrel Bank is hiring 40 engineers in Manchester.", sourceUrl: "https://kestrel.example/careers" },
];
// A fresh goal per test keeps cache entries from leaking between tests.
const input = (email?: string) =>
  generateEmailInputSchema.parse({
    lead: { firstName: "Imogen", company: "Kestrel Bank", email },
    facts: FACTS,
    goal: `show you how Relay cuts onboarding time (${randomUUID().slice(0, 8)})`,
    tone: "direct",
    length: "medium",
  });

async function draftsOf(teamId: string) {
  const db = await getDb();
  return db.select().from(emailDrafts).where(eq(emailDrafts.teamId, teamId));
}

/** Saving happens after the stream ends, off its path: wait for the row rather than for the response. */
const rowsEventually = (teamId: string, count: number) =>
  waitFor(async () => {
    const rows = await draftsOf(teamId);
    return rows.length >= count && rows;
  }, `${count} saved drafts`, 5_000);

describe("saving generated drafts", () => {
  it("keeps the offline writer's draft with its subject, body, model, facts, brief and lead", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const lead = await createLead({ teamId: team.id, actorUserId: user.id, input: createLeadSchema.parse({ email: "imogen@kestrel.example", firstName: "Imogen", company: "Kestrel Bank" }) });
    const res = await emailDraftResponse({ teamId: team.id, userId: user.id, input: input("Imogen@Kestrel.example"), model: getLanguageModel({}), saveDraft: true });
    expect(res.status).toBe(200);
    const text = await res.text();

    const [row] = await rowsEventually(team.id, 1);
    expect(text).toContain(`Subject: ${row.subject}`);
    expect(row.subject.length).toBeGreaterThan(3);
    expect(text).toContain(row.body);
    expect(row.body).toMatch(/Imogen/);
    expect(row).toMatchObject({
      userId: user.id,
      leadId: lead.id,
      leadEmail: "imogen@kestrel.example",
      modelLabel: "Offline writer (no AI model configured)",
      modelId: expect.stringMatching(/^offline:/),
      goal: expect.stringMatching(/^show you how Relay/),
      tone: "direct",
      length: "medium",
      source: "generate",
      cache: "miss",
    });
    expect(row.factIds.length).toBeGreaterThan(0);
    expect(row.factIds.every((id) => id === "f1" || id === "f2")).toBe(true);
    expect(llm().calls).toBe(0);
  });

  it("keeps a draft from an OpenAI-compatible server, and a cache hit again (cache = hit) without calling it", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const same = input("someone@adhoc.example");
    const first = await emailDraftResponse({ teamId: team.id, userId: user.id, input: same, saveDraft: true });
    const text = await first.text();
    await rowsEventually(team.id, 1);

    const hit = await emailDraftResponse({ teamId: team.id, userId: user.id, input: same, saveDraft: true });
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(await hit.text()).toBe(text);
    expect(llm().calls).toBe(1);

    const rows = await rowsEventually(team.id, 2);
    expect(rows.map((r) => r.cache).sort()).toEqual(["hit", "miss"]);
    for (const row of rows) {
      // An address no lead has: kept as typed, linked to nothing.
      expect(row).toMatchObject({ leadId: null, leadEmail: "someone@adhoc.example", subject: parseDraft(text).subject, body: parseDraft(text).body, modelId: `openai-compatible:${llm().baseURL}:test-model` });
      expect(row.modelLabel).toContain("test-model");
      expect(row.subject).toMatch(/Kestrel Bank/);
    }
  });

  it("saves a rewrite with source rewrite:<mode> and no brief", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const original = await (await emailDraftResponse({ teamId: team.id, userId: user.id, input: input() })).text();
    const res = await emailRewriteResponse({
      teamId: team.id,
      userId: user.id,
      input: rewriteEmailInputSchema.parse({ mode: "shorter", draft: original, facts: FACTS }),
      saveDraft: true,
      leadEmail: "imogen@kestrel.example",
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const [row] = await rowsEventually(team.id, 1);
    expect(row).toMatchObject({ source: "rewrite:shorter", cache: "miss", goal: null, tone: null, leadEmail: "imogen@kestrel.example", leadId: null });
    expect(text).toContain(row.body);
    // The first draft was not asked to be saved: only the rewrite is.
    expect(await draftsOf(team.id)).toHaveLength(1);
  });

  it("still streams the whole draft when saving it fails", async () => {
    const missingTeam = randomUUID(); // no such team: the insert breaks its foreign key
    const res = await emailDraftResponse({ teamId: missingTeam, userId: randomUUID(), input: input(), model: getLanguageModel({}), saveDraft: true });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^Subject: .+\n\n[\s\S]+Facts used: /);
  });
});

describe("listing and deleting saved drafts", () => {
  it("lists a rep's own drafts newest first, optionally for one lead", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const lead = await createLead({ teamId: team.id, actorUserId: user.id, input: createLeadSchema.parse({ email: "ada@acme.example", firstName: "Ada", lastName: "Byron" }) });
    const offline = getLanguageModel({});
    await (await emailDraftResponse({ teamId: team.id, userId: user.id, input: input(), model: offline, saveDraft: true })).text();
    await rowsEventually(team.id, 1);
    await (await emailDraftResponse({ teamId: team.id, userId: user.id, input: input("ada@acme.example"), model: offline, saveDraft: true })).text();
    await rowsEventually(team.id, 2);

    const listed = await listEmailDrafts({ teamId: team.id, userId: user.id, limit: 10 });
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ leadId: lead.id, leadFirstName: "Ada", leadLastName: "Byron", leadEmail: "ada@acme.example" });
    expect(listed[0].createdAt.getTime()).toBeGreaterThanOrEqual(listed[1].createdAt.getTime());
    expect(await listEmailDrafts({ teamId: team.id, userId: user.id, leadId: lead.id, limit: 10 })).toHaveLength(1);
    expect(await listEmailDrafts({ teamId: team.id, userId: user.id, limit: 1 })).toHaveLength(1);
  });

  it("never shows or deletes a draft for another team's user", async () => {
    const owner = await createUserWithTeam("owner");
    const other = await createUserWithTeam("other");
    await (await emailDraftResponse({ teamId: owner.team.id, userId: owner.user.id, input: input(), model: getLanguageModel({}), saveDraft: true })).text();
    const [row] = await rowsEventually(owner.team.id, 1);

    expect(await listEmailDrafts({ teamId: other.team.id, userId: other.user.id, limit: 10 })).toEqual([]);
    // Even naming the owner's user id from the other team finds nothing.
    expect(await listEmailDrafts({ teamId: other.team.id, userId: owner.user.id, limit: 10 })).toEqual([]);
    await expect(deleteEmailDraft({ teamId: other.team.id, userId: other.user.id, draftId: row.id })).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(deleteEmailDraft({ teamId: owner.team.id, userId: other.user.id, draftId: row.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await draftsOf(owner.team.id)).toHaveLength(1);

    await deleteEmailDraft({ teamId: owner.team.id, userId: owner.user.id, draftId: row.id });
    expect(await draftsOf(owner.team.id)).toEqual([]);
    await expect(deleteEmailDraft({ teamId: owner.team.id, userId: owner.user.id, draftId: row.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
