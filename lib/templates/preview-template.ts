import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { leads } from "@/db/schema/leads";
import { scoreEmail, type EmailScore } from "@/lib/ai/score-email";
import { leadVariables, type LeadVariableSource } from "@/lib/email/render/lead-variables";
import { renderEmailContent } from "@/lib/email/render/render-email-content";
import { AppError, notFound } from "@/lib/errors";
import type { PreviewTemplateInput } from "./template.schema";

/** Who a template is previewed for when the rep has not picked a lead. */
export const SAMPLE_LEAD: LeadVariableSource = {
  email: "jordan@example.com",
  firstName: "Jordan",
  lastName: "Lee",
  company: "Northwind Traders",
  title: "Head of Sales",
  phone: null,
  website: "https://northwind.example",
  linkedinUrl: null,
  city: "Leeds",
  country: "United Kingdom",
  customFields: {},
};

export type TemplatePreview = {
  leadLabel: string;
  subject: string;
  text: string;
  /** Why it cannot render for this lead (a missing value with no fallback), instead of subject/text. */
  problem: string | null;
  score: EmailScore;
};

/** Renders subject and body for one of the team's leads (or the sample lead) exactly as a send would, and scores it. */
export async function previewTemplate({ teamId, input, seed = "preview" }: { teamId: string; input: PreviewTemplateInput; seed?: string }): Promise<TemplatePreview> {
  let lead = SAMPLE_LEAD;
  if (input.leadId) {
    const db = await getDb();
    const [row] = await db.select().from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, input.leadId))).limit(1);
    if (!row) throw notFound("That lead");
    lead = row;
  }
  const leadLabel = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email;
  try {
    const out = renderEmailContent({ template: { subject: input.subject, html: "", text: input.body }, values: leadVariables(lead), seed: `${seed}:${input.leadId || "sample"}` });
    const text = out.text ?? "";
    return { leadLabel, subject: out.subject, text, problem: null, score: scoreEmail({ subject: out.subject, body: text, lead: { firstName: lead.firstName ?? undefined, company: lead.company ?? undefined } }) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid_input") throw error;
    return { leadLabel, subject: input.subject, text: input.body, problem: error.message, score: scoreEmail({ subject: input.subject, body: input.body }) };
  }
}

export type PreviewLeadOption = { id: string; label: string };

/** The leads a preview can be rendered for: a picker, newest first. */
export async function listPreviewLeads({ teamId, limit = 200 }: { teamId: string; limit?: number }): Promise<PreviewLeadOption[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: leads.id, email: leads.email, firstName: leads.firstName, lastName: leads.lastName, company: leads.company })
    .from(leads)
    .where(eq(leads.teamId, teamId))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(limit);
  return rows.map((r) => {
    const name = [r.firstName, r.lastName].filter(Boolean).join(" ");
    return { id: r.id, label: [name || null, r.company, `<${r.email}>`].filter(Boolean).join(" · ") };
  });
}
