import { z } from "zod";

export const deleteEmailDraftSchema = z.object({ draftId: z.uuid("That draft was not found.") });
