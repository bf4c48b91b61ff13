import { z } from "zod";
import { oauthProviderSchema } from "@/lib/mailboxes/oauth/oauth-providers";

export const oauthRouteParamsSchema = z.object({ provider: oauthProviderSchema });
export const oauthStartQuerySchema = z.object({ team: z.string().min(1).max(100) });
export const oauthCallbackQuerySchema = z.object({
  code: z.string().max(4096).default(""),
  state: z.string().max(512).default(""),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});
