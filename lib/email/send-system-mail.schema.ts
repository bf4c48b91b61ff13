import { z } from "zod";

export const systemMailSchema = z.object({
  kind: z.string().min(1),
  teamId: z.uuid().optional(),
  to: z.email(),
  subject: z.string().min(1).max(300),
  html: z.string().min(1),
  text: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
});
export type SystemMail = z.infer<typeof systemMailSchema>;
