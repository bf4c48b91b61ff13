// One typed error for the whole app, mapped to an HTTP status and a message the user can act on.
export type AppErrorCode =
  | "invalid_input"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field errors for forms: field name → messages. */
  readonly fields?: Record<string, string[]>;
  /** Seconds until a rate-limited caller may try again. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    extra: { fields?: Record<string, string[]>; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "That record") => new AppError("not_found", `${what} was not found.`);

/** The body and status a client sees for any thrown value; unknown errors are logged, never shown raw. */
export function toErrorPayload(error: unknown, context: Record<string, unknown> = {}) {
  if (error instanceof AppError) {
    return {
      status: error.status,
      headers: error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined,
      body: { error: { code: error.code, message: error.message, fields: error.fields } },
    };
  }
  console.error("Unhandled error", { ...context, error });
  return {
    status: 500,
    headers: undefined,
    body: { error: { code: "internal" as const, message: "Something went wrong on our side. Please try again." } },
  };
}

export function errorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  const { status, headers, body } = toErrorPayload(error, context);
  return Response.json(body, { status, headers });
}
