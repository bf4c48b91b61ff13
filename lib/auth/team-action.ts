// The one wrapper for server actions: session → membership → role → zod input, before the body runs.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, toErrorPayload } from "@/lib/errors";
import type { Permission } from "@/lib/teams/permissions";
import { resolveTeamContext, type TeamContext } from "./team-context";

export type ActionState<R = unknown> =
  | { ok: true; data: R; message?: string }
  | { ok: false; error: string; fields?: Record<string, string[]> }
  | undefined;

export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return fields;
}

function toObject(input: FormData | unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    // Repeated fields (checkbox groups) become arrays; single ones stay plain values.
    const values = input.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * Build a server action bound to a team slug: `action.bind(null, slug)` fits useActionState.
 * Errors come back as state (field errors from the same zod schema); unknown errors are logged, never shown raw.
 */
export function teamAction<S extends z.ZodType, R>(
  options: { schema: S; permission: Permission; name: string },
  body: (args: { input: z.infer<S>; ctx: TeamContext }) => Promise<R>,
) {
  return async (teamSlug: string, _prev: ActionState<R>, raw: FormData | z.input<S>): Promise<ActionState<R>> => {
    try {
      const ctx = await resolveTeamContext(teamSlug, options.permission);
      const parsed = options.schema.safeParse(toObject(raw));
      if (!parsed.success) {
        return { ok: false, error: "Please fix the highlighted fields.", fields: zodFieldErrors(parsed.error) };
      }
      return { ok: true, data: await body({ input: parsed.data, ctx }) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      const { body: payload } = toErrorPayload(error, { action: options.name, teamSlug });
      return { ok: false, error: payload.error.message, fields: error instanceof AppError ? error.fields : undefined };
    }
  };
}
