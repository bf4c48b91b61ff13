// POST a CSV of leads (multipart field "file", or a text/csv body): stored, previewed, a pending import → { importId }.
import { withTeam } from "@/lib/auth/with-team";
import { receiveImportUpload } from "./receive-import-upload";

export const POST = withTeam((req, ctx) => receiveImportUpload(req, { teamId: ctx.teamId, userId: ctx.user.id }), { permission: "data:write" });
