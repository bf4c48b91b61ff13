// One research source end to end: fetch the page safely, keep its readable text, extract sourced facts.
import type { ResearchSource } from "@/db/schema/research";
import type { SelectedModel } from "@/lib/ai/models";
import { extractFacts } from "./extract-facts";
import type { ExtractedFact } from "./extract-facts.schema";
import { extractReadableText } from "./extract-readable-text";
import { safeFetch, SafeFetchError, type SafeFetchOptions } from "./safe-fetch";

export type PageResearch = { source: ResearchSource; facts: ExtractedFact[] };

/**
 * A refused or failed fetch is a result, not an exception: the lead's research shows the rep which
 * source failed and why, and the other sources still count. Model failures do throw (the job retries).
 */
export async function researchPage(
  url: string,
  options: { company?: string; model?: SelectedModel; fetch?: SafeFetchOptions } = {},
): Promise<PageResearch> {
  let page;
  try {
    page = await safeFetch(url, options.fetch);
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    return { source: { url, fetchedAt: new Date().toISOString(), status: error.status, error: error.message }, facts: [] };
  }
  const readable = extractReadableText(page.html);
  const text = [readable.description, readable.text].filter(Boolean).join("\n\n");
  const facts = await extractFacts(
    { url: page.url, title: readable.title, text, company: options.company, fetchedAt: page.fetchedAt },
    { model: options.model },
  );
  return { source: { url: page.url, title: readable.title || undefined, fetchedAt: page.fetchedAt, status: page.status }, facts };
}
