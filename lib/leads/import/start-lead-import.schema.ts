// The mapping screen's form: one target per CSV column (in header order), the duplicate policy, tags to add.
import { z } from "zod";
import { leadImportDuplicatePolicy } from "@/db/schema/leads";
import { tagListSchema } from "./import-row.schema";
import { IGNORE, isLeadImportField } from "./lead-import-fields";

const target = z
  .string()
  .refine((v) => v === IGNORE || isLeadImportField(v) || /^custom:[a-z0-9_]{1,60}$/.test(v), "Choose a lead field, a custom field or Ignore.");

export const startLeadImportSchema = z.object({
  importId: z.uuid("That import was not found."),
  // A form with one column sends a single value, with several an array.
  columns: z.preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(target).min(1, "Map at least the email column.")),
  duplicatePolicy: z.enum(leadImportDuplicatePolicy.enumValues, "Choose whether to update or skip leads that already exist."),
  tags: z.preprocess((v) => v ?? "", tagListSchema),
});
export type StartLeadImportInput = z.infer<typeof startLeadImportSchema>;

