// Lead research, the job's three steps: start (status running, which pages), each page (research-page.ts),
// finish (merge the facts, keeping the rep's own, and settle done or failed). Each step is safe to re-run.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { leads } from "@/db/schema/leads";
import { researchData, type ResearchFact } from "@/db/schema/research";
import { MANUAL_FACT_PREFIX } from "@/lib/leads/edit-lead-facts";
import { teamScope } from "@/lib/teams/team-scope";
import type { PageResearch } from "./research-page";

// Addresses at these domains say nothing about the lead's company.
const FREE_MAIL = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com", "hotmail.co.uk", "outlook.com",
  "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
  "web.de", "mail.com", "yandex.ru", "zoho.com", "fastmail.com", "hey.com", "qq.com", "163.com",
]);

/** The company site to research: the lead's website, else its email domain unless that is a free-mail provider. */
export function companySiteFor(lead: { website: string | null; email: string }): string | null {
  // Imported websites are often bare host names ("acme.com").
  if (lead.website) return /^https?:\/\//i.test(lead.website) ? lead.website : `https://${lead.website}`;
  const domain = lead.email.split("@")[1]?.toLowerCase();
  return domain && !FREE_MAIL.has(domain) ? `https://${domain}` : null;
}

const whereLead = (teamId: string, leadId: string) => and(eq(researchData.teamId, teamId), eq(researchData.leadId, leadId));

/** Marks the research running and returns the pages to fetch; null when the lead is gone (erased meanwhile). */
export async function startLeadResearch({ teamId, leadId, urls }: { teamId: string; leadId: string; urls: string[] }) {
  return teamScope(teamId, async (tx) => {
    const [lead] = await tx.select().from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId)));
    if (!lead) return null;
    await tx
      .insert(researchData)
      .values({ teamId, leadId, status: "running" })
      .onConflictDoUpdate({ target: researchData.leadId, set: { status: "running", error: null } });
    const site = companySiteFor(lead);
    const pages = [...new Set([...(site ? [site] : []), ...urls])];
    return { pages, company: lead.company ?? undefined };
  });
}

/** Merge: the rep's facts stay, new facts replace older ones from the same pages, one fact per claim. */
function mergeFacts(previous: ResearchFact[], results: PageResearch[]): ResearchFact[] {
  const refreshed = new Set(results.filter((r) => !r.source.error).flatMap((r) => [r.source.url, ...r.facts.map((f) => f.sourceUrl)]));
  const kept = previous.filter((f) => f.id.startsWith(MANUAL_FACT_PREFIX) || !refreshed.has(f.sourceUrl));
  const fresh = results.flatMap((r) => r.facts.map((f) => ({ id: randomUUID(), ...f })));
  const seen = new Set<string>();
  return [...kept, ...fresh].filter((f) => {
    const key = f.claim.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Saves the merged facts and sources; failed when no page could be read (the error says why, per page). */
export async function finishLeadResearch({ teamId, leadId, results }: { teamId: string; leadId: string; results: PageResearch[] }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx.select().from(researchData).where(whereLead(teamId, leadId)).for("update");
    if (!row) return { status: "gone" as const, facts: 0 };
    const failures = results.filter((r) => r.source.error);
    const failed = results.length === 0 || failures.length === results.length;
    const error = results.length === 0
      ? "No page to research: the lead has no website and a free-mail address. Add a page to research."
      : failures.length ? failures.map((r) => `${r.source.url}: ${r.source.error}`).join("\n") : null;
    const facts = mergeFacts(row.facts, results);
    await tx
      .update(researchData)
      .set({ status: failed ? "failed" : "done", facts, sources: results.map((r) => r.source), error, researchedAt: new Date() })
      .where(eq(researchData.id, row.id));
    return { status: failed ? ("failed" as const) : ("done" as const), facts: facts.length };
  });
}

/** The job gave up (an unexpected error after its retries): say so on the lead instead of spinning forever. */
export async function failLeadResearch({ teamId, leadId, error }: { teamId: string; leadId: string; error: string }) {
  await teamScope(teamId, (tx) => tx.update(researchData).set({ status: "failed", error: error.slice(0, 1000) }).where(whereLead(teamId, leadId)));
}
