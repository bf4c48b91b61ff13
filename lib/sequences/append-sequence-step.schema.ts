import { z } from "zod";
import { TEMPLATE_BODY_MAX } from "@/lib/templates/template.schema";

/** The composer's "Add to sequence": an existing sequence, or "new" with a name; the draft becomes the last step. */
export const appendSequenceStepSchema = z
  .object({
    sequenceId: z.union([z.uuid(), z.literal("new")], { error: "Choose a sequence, or “New sequence”." }),
    newName: z.string().trim().max(100, "Keep the name under 100 characters.").optional().default(""),
    subject: z.string().max(200, "Keep the subject under 200 characters.").default(""),
    body: z.string().max(TEMPLATE_BODY_MAX).refine((s) => s.trim() !== "", "Write or generate a draft first."),
  })
  .superRefine((v, ctx) => {
    if (v.sequenceId === "new" && !v.newName) ctx.addIssue({ code: "custom", path: ["newName"], message: "Name the new sequence." });
  });
