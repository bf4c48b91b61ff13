import { z } from "zod";

export const updateTeamSettingsSchema = z.object({
  name: z.string().trim().min(2, "Team name needs at least 2 characters.").max(80, "Keep the name under 80 characters."),
  postalAddress: z
    .string()
    .trim()
    .max(300, "Keep the address under 300 characters.")
    .transform((v) => (v === "" ? null : v)),
});
