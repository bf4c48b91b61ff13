// Turns a streamText result into a plain text stream that has already produced its first words,
// so a model that is down or returns nothing becomes an error the caller can answer with.
import type { StreamTextResult, ToolSet } from "ai";
import { AppError } from "@/lib/errors";

type AnyStreamTextResult = Pick<StreamTextResult<ToolSet, never, never>, "fullStream">;

export type OpenTextStreamOptions = {
  /** For the error message: which model failed. */
  label: string;
  /** Called once with the full text when the model finished normally ("stop"), e.g. to cache it. */
  onComplete?: (text: string) => void;
  /** Called once when the stream ends early, errors, or is cancelled by the reader. */
  onCancel?: (reason: unknown) => void;
};

export async function openTextStream(result: AnyStreamTextResult, options: OpenTextStreamOptions): Promise<ReadableStream<string>> {
  const parts = result.fullStream[Symbol.asyncIterator]();
  let text = "";
  let done = false;
  const end = (completed: boolean, reason?: unknown) => {
    if (done) return;
    done = true;
    if (completed && text.trim()) options.onComplete?.(text);
    else if (!completed) options.onCancel?.(reason);
  };

  /** The next text chunk; null at the end; throws the model's error. */
  async function nextText(): Promise<string | null> {
    for (;;) {
      const step = await parts.next();
      if (step.done) {
        end(false, "ended without finish");
        return null;
      }
      const part = step.value;
      if (part.type === "text-delta" && part.text) return part.text;
      if (part.type === "error") throw part.error;
      if (part.type === "abort") {
        end(false, "aborted");
        return null;
      }
      // "length" means the model was cut off: not a draft worth keeping.
      if (part.type === "finish") end(part.finishReason === "stop");
    }
  }

  // Nothing can be sent before the first words exist, so waiting for them costs no time to first token.
  let first: string | null;
  try {
    first = await nextText();
  } catch (error) {
    end(false, error);
    throw new AppError("unavailable", `The AI model (${options.label}) could not answer right now. Try again in a moment.`, { cause: error });
  }
  if (first === null) {
    end(false, "empty");
    throw new AppError("unavailable", `The AI model (${options.label}) returned nothing. Try again.`);
  }
  text = first;

  return new ReadableStream<string>({
    start(controller) {
      controller.enqueue(first);
    },
    async pull(controller) {
      try {
        const chunk = await nextText();
        if (chunk === null) {
          controller.close();
          return;
        }
        text += chunk;
        controller.enqueue(chunk);
      } catch (error) {
        end(false, error);
        controller.error(error);
      }
    },
    async cancel(reason) {
      end(false, reason);
      await parts.return?.();
    },
  });
}
