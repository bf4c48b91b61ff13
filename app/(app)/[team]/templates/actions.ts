"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { teamAction } from "@/lib/auth/team-action";
import { archiveTemplate } from "@/lib/templates/archive-template";
import { createTemplate } from "@/lib/templates/create-template";
import { previewTemplate } from "@/lib/templates/preview-template";
import { previewTemplateSchema, templateIdSchema, templateInputSchema, updateTemplateSchema } from "@/lib/templates/template.schema";
import { updateTemplate } from "@/lib/templates/update-template";

export const createTemplateAction = teamAction(
  { name: "createTemplate", schema: templateInputSchema, permission: "data:write" },
  async ({ input, ctx }): Promise<{ id: string; name: string }> => {
    const row = await createTemplate({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/templates`);
    redirect(`/${ctx.team.slug}/templates/${row.id}?saved=1`);
  },
);

export const updateTemplateAction = teamAction(
  { name: "updateTemplate", schema: updateTemplateSchema, permission: "data:write" },
  async ({ input: { templateId, ...input }, ctx }) => {
    const row = await updateTemplate({ teamId: ctx.teamId, actorUserId: ctx.user.id, templateId, input });
    revalidatePath(`/${ctx.team.slug}/templates`);
    return { id: row.id, name: row.name };
  },
);

export const archiveTemplateAction = teamAction(
  { name: "archiveTemplate", schema: templateIdSchema, permission: "data:write" },
  async ({ input, ctx }) => {
    const { outcome } = await archiveTemplate({ teamId: ctx.teamId, actorUserId: ctx.user.id, templateId: input.templateId });
    revalidatePath(`/${ctx.team.slug}/templates`);
    redirect(`/${ctx.team.slug}/templates?notice=${outcome}`);
  },
);

export const previewTemplateAction = teamAction(
  { name: "previewTemplate", schema: previewTemplateSchema, permission: "data:read" },
  async ({ input, ctx }) => previewTemplate({ teamId: ctx.teamId, input }),
);
