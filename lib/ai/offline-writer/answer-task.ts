// What the offline writer answers for each task block our prompt builders embed.
import { readTaskBlock } from "@/lib/ai/prompt-task-block";
import { formatDraft } from "@/lib/ai/parse-draft";
import { classifyReplyWithRules } from "./classify-reply-rules";
import { composeEmail } from "./compose-email";
import { extractFactsWithRules } from "./extract-facts-rules";
import { rewriteDraftText } from "./rewrite-draft";

export const OFFLINE_UNSUPPORTED_TEXT =
  "The offline writer only answers this app's own prompts. Set OPENAI_API_KEY or OPENAI_BASE_URL to use a general-purpose model.";

/** The answer for a prompt: a draft as text, or JSON for the structured tasks. Deterministic. */
export function answerTask(promptText: string, wantsJson: boolean): string {
  const task = readTaskBlock(promptText);
  switch (task?.task) {
    case "write-email":
      return formatDraft(composeEmail(task.input));
    case "rewrite-email":
      return rewriteDraftText(task.input);
    case "extract-facts":
      return JSON.stringify(extractFactsWithRules(task.input));
    case "classify-reply":
      return JSON.stringify(classifyReplyWithRules(task.input));
    default:
      return wantsJson ? "{}" : OFFLINE_UNSUPPORTED_TEXT;
  }
}
