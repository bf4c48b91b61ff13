import { z } from "zod";

// Tokens are base64url and short; anything else is rejected before any crypto or database work.
export const trackingTokenParamsSchema = z.object({ token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/) });

// RFC 8058: the one-click POST body is exactly "List-Unsubscribe=One-Click"; our own form posts the same field.
export const unsubscribeBodySchema = z.object({ "List-Unsubscribe": z.literal("One-Click") });
