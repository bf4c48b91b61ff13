// From the page's saved leads to what the composer shows: picker labels, fields, citable facts, variable values.
import { emailFactSchema } from "@/lib/ai/generate-email.schema";
import { leadVariables } from "@/lib/email/render/lead-variables";
import type { VariableValues } from "@/lib/email/render/template-variables";
import type { ComposerLead as SavedLead } from "@/lib/leads/list-leads-for-composer";
import type { ComposerFact, LeadFields } from "./composer-types";

export type { SavedLead };

export function leadOptionLabel(lead: SavedLead): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ");
  return [name || null, lead.company, name || lead.company ? `<${lead.email}>` : lead.email].filter(Boolean).join(" · ");
}

export function leadFields(lead: SavedLead): LeadFields {
  return {
    firstName: lead.firstName ?? "",
    lastName: lead.lastName ?? "",
    email: lead.email,
    company: lead.company ?? "",
    title: lead.title ?? "",
    website: lead.website ?? "",
  };
}

/** Research facts the writer can take (valid claim and http(s) source), numbered f1, f2, … */
export function researchFacts(lead: SavedLead, max: number): { facts: ComposerFact[]; total: number } {
  const usable = (lead.research?.facts ?? [])
    .map((f) => ({ claim: f.claim.trim().slice(0, 500), sourceUrl: f.sourceUrl }))
    .filter((f) => emailFactSchema.safeParse({ id: "f1", ...f }).success);
  const facts = usable.slice(0, max).map((f, i): ComposerFact => ({ id: `f${i + 1}`, ...f, origin: "research" }));
  return { facts, total: usable.length };
}

export function researchNote(lead: SavedLead | undefined, shown: number, total: number): string | undefined {
  if (!lead) return undefined;
  const status = lead.research?.status;
  if (status === "pending" || status === "running") return "Research on this lead is still running; reload the page to see new facts. You can add facts by hand meanwhile.";
  if (status === "failed") return "Research on this lead failed. Add what you know by hand, with its source.";
  if (!lead.research) return "This lead has not been researched yet. Add what you know by hand, with its source.";
  if (total === 0) return "Research found no facts worth citing. Add what you know by hand, with its source.";
  if (total > shown) return `Showing the first ${shown} of ${total} research facts (the writer takes at most ${shown}).`;
  return undefined;
}

/**
 * The values the sender will fill {{variables}} from: it looks the recipient up by address, so a saved lead
 * with that address supplies its stored fields and a new address supplies nothing but itself.
 */
export function recipientVariableValues(leads: readonly SavedLead[], to: string): VariableValues {
  const email = to.trim().toLowerCase();
  const saved = leads.find((l) => l.email === email);
  return saved ? leadVariables(saved) : { email };
}
