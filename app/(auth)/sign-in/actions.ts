"use server";

import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { zodFieldErrors, type ActionState } from "@/lib/auth/team-action";
import { toErrorPayload } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/ratelimit";

const signInSchema = z.object({
  email: z.email("Enter the email address you use at work.").transform((v) => v.trim().toLowerCase()),
  callbackUrl: z.string().optional(),
});

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

// The one action that runs without a session: it only asks for a sign-in link, rate-limited per IP and per address.
export async function requestMagicLink(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), callbackUrl: formData.get("callbackUrl") ?? undefined });
  if (!parsed.success) return { ok: false, error: "Please fix the highlighted field.", fields: zodFieldErrors(parsed.error) };
  try {
    await enforceRateLimit("signIn", await clientIp());
    // redirect: false so the browser goes straight to our page instead of through /api/auth/verify-request.
    const next: string = await signIn("email", { email: parsed.data.email, redirectTo: safeCallbackUrl(parsed.data.callbackUrl), redirect: false });
    if (new URL(next, "http://x").searchParams.has("error")) {
      return { ok: false, error: "We could not send the sign-in email. If you asked several times in a row, wait a few minutes and try again." };
    }
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, error: toErrorPayload(error, { action: "requestMagicLink" }).body.error.message };
  }
  redirect("/sign-in/check-email");
}

export async function signInWithProvider(provider: "google" | "microsoft-entra-id", callbackUrl: string) {
  await signIn(provider, { redirectTo: safeCallbackUrl(callbackUrl) });
}
