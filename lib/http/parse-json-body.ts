import type { z } from "zod";
import { zodFieldErrors } from "@/lib/auth/team-action";
import { AppError } from "@/lib/errors";

/** A route's JSON body through its zod schema: invalid_input with field errors, never a half-parsed body. */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const raw: unknown = await req.json().catch(() => {
    throw new AppError("invalid_input", "The request body must be JSON.");
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", "Please fix the highlighted fields.", { fields: zodFieldErrors(parsed.error) });
  return parsed.data;
}
