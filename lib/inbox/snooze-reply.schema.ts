import { z } from "zod";

/**
 * `until` is an absolute time the browser computed from the rep's own clock ("tomorrow 9:00" is 9:00 where
 * the rep is, which the server cannot know); empty means unsnooze.
 */
export const snoozeReplySchema = z.object({
  emailId: z.uuid(),
  until: z.union([z.literal(""), z.iso.datetime({ offset: true, message: "Pick a date and time." })]).transform((v) => (v ? new Date(v) : null)),
});
export type SnoozeReplyInput = z.infer<typeof snoozeReplySchema>;
