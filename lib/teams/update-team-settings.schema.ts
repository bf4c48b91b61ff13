import { z } from "zod";

export const updateTeamSettingsSchema = z.object({
  name: z.string().trim().min(2, "Team name needs at least 2 characters.").max(80, "Keep the name under 80 characters."),
  postalAddress: z
    .string()
    .trim()
    .max(300, "Keep the address under 300 characters.")
    .transform((v) => (v === "" ? null : v)),
  trackingDomain: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(v), "Enter a host name such as track.acme.com (no https://, no path)."),
});
