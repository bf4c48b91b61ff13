// The machine-readable part of every prompt we send: one JSON block naming the task and its input.
// A real model reads it as structured context; the offline writer parses it instead of guessing from prose.
import { z } from "zod";
import { classifyReplyInputSchema } from "@/lib/ai/classify-reply.schema";
import { generateEmailInputSchema } from "@/lib/ai/generate-email.schema";
import { rewriteEmailInputSchema } from "@/lib/ai/rewrite-email.schema";
import { extractFactsInputSchema } from "@/lib/research/extract-facts.schema";

const OPEN = "<copilot-task>";
const CLOSE = "</copilot-task>";

export const copilotTaskSchema = z.discriminatedUnion("task", [
  z.object({ task: z.literal("write-email"), input: generateEmailInputSchema }),
  z.object({ task: z.literal("rewrite-email"), input: rewriteEmailInputSchema }),
  z.object({ task: z.literal("extract-facts"), input: extractFactsInputSchema }),
  z.object({ task: z.literal("classify-reply"), input: classifyReplyInputSchema }),
]);
export type CopilotTask = z.infer<typeof copilotTaskSchema>;

/**
 * The block as text. "<" is escaped inside the JSON so page text or a reply that contains
 * "</copilot-task>" cannot end the block early (and cannot smuggle a second one in).
 */
export function embedTaskBlock(task: CopilotTask): string {
  const json = JSON.stringify(task, null, 1).replace(/</g, "\\u003c");
  return `${OPEN}\n${json}\n${CLOSE}`;
}

/** The last well-formed task block in a prompt, or null (a prompt we did not build). */
export function readTaskBlock(text: string): CopilotTask | null {
  const blocks = [...text.matchAll(/<copilot-task>\s*([\s\S]*?)\s*<\/copilot-task>/g)];
  for (const match of blocks.reverse()) {
    try {
      const parsed = copilotTaskSchema.safeParse(JSON.parse(match[1]));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: try an earlier block.
    }
  }
  return null;
}
