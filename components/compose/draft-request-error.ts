// Turns a failed AI request (HTTP error, dropped connection) into words a rep can act on.
import type { FieldErrors } from "./composer-types";

/** Thrown by the composer's fetch for any non-2xx answer, so useCompletion reports it with its status intact. */
export class DraftRequestError extends Error {
  readonly status: number;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(message: string, extra: { status: number; fields?: FieldErrors; retryAfterSeconds?: number }) {
    super(message);
    this.name = "DraftRequestError";
    this.status = extra.status;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  static async fromResponse(res: Response): Promise<DraftRequestError> {
    const payload: unknown = await res.json().catch(() => null);
    const error = isErrorPayload(payload) ? payload.error : undefined;
    const retryAfter = Number(res.headers.get("retry-after"));
    return new DraftRequestError(error?.message ?? "", {
      status: res.status,
      fields: error?.fields,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : undefined,
    });
  }
}

function isErrorPayload(value: unknown): value is { error: { message?: string; fields?: FieldErrors } } {
  return typeof value === "object" && value !== null && "error" in value && typeof value.error === "object" && value.error !== null;
}

export type DraftFailure = {
  message: string;
  fields?: FieldErrors;
  /** Epoch ms before which asking again will be refused (429). */
  retryAt?: number;
};

export function describeDraftFailure(error: unknown, now = Date.now()): DraftFailure {
  if (!(error instanceof DraftRequestError)) {
    // fetch rejects with a TypeError when the server is unreachable or the stream is cut off.
    return { message: "The connection to the server was lost. Whatever arrived is kept; check your connection and try again." };
  }
  const said = error.message.trim();
  switch (error.status) {
    case 400:
      return { message: "Some fields need fixing before the AI can write: see the messages next to them.", fields: error.fields };
    case 401:
      return { message: "Your session has ended. Sign in again (in another tab, to keep this draft), then try again." };
    case 403:
      return { message: said || "Your role in this team cannot use the AI writer. Ask an admin for access." };
    case 429: {
      const seconds = error.retryAfterSeconds ?? 60;
      // The server names which budget ran out; the wait is shown live by the composer instead.
      const which = said.replace(/\s*Try again in [^.]*\.?\s*$/i, "") || "Too many AI requests in a short time.";
      return { message: which, retryAt: now + seconds * 1000 };
    }
    case 503:
      return { message: said || "The AI model is not available right now. Try again in a moment." };
    default:
      return { message: said || "Something went wrong on our side. Please try again." };
  }
}
