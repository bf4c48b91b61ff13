// A research fact the rep writes or corrects by hand, and the "Research now" request.
import { z } from "zod";

const claim = z.string().trim().min(3, "Write the fact in a few words (at least 3 characters).").max(300, "Keep the fact under 300 characters.");
const sourceUrl = z.url({ protocol: /^https?$/, error: "Enter the page it came from, starting with https://." }).max(1000);

export const addLeadFactSchema = z.object({ leadId: z.uuid(), claim, sourceUrl });
export const updateLeadFactSchema = z.object({ leadId: z.uuid(), factId: z.string().min(1).max(100), claim });
export const deleteLeadFactSchema = z.object({ leadId: z.uuid(), factId: z.string().min(1).max(100) });

/** Extra pages to research besides the company site: one per line, at most 5 (the event's limit). */
export const requestLeadResearchSchema = z.object({
  leadId: z.uuid(),
  urls: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : (v ?? [])),
    z.array(z.url({ protocol: /^https?$/, error: "Each extra page must be a web address starting with https://." })).max(5, "Add at most 5 extra pages."),
  ),
});
