import { z } from "zod";

/** Some notifications (by id) or, with none given, all of the member's unread ones in this team. */
export const markNotificationsReadSchema = z.object({
  ids: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.uuid()).max(200)),
});
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;
