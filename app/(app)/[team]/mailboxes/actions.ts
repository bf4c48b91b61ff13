"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { createLocalMailbox } from "@/lib/mailboxes/create-local-mailbox";
import { createLocalMailboxSchema, createResendMailboxSchema, createSmtpMailboxSchema } from "@/lib/mailboxes/create-mailbox.schema";
import { createResendMailbox } from "@/lib/mailboxes/create-resend-mailbox";
import { createSmtpMailbox } from "@/lib/mailboxes/create-smtp-mailbox";
import { mailboxSettingsSchema } from "@/lib/mailboxes/mailbox-settings.schema";
import { updateMailboxSettings } from "@/lib/mailboxes/update-mailbox-settings";
import { updateResendWebhookSecret } from "@/lib/mailboxes/update-resend-webhook-secret";
import { updateResendWebhookSecretSchema } from "@/lib/mailboxes/update-resend-webhook-secret.schema";

export const createLocalMailboxAction = teamAction(
  { name: "createLocalMailbox", schema: createLocalMailboxSchema, permission: "team:settings" },
  async ({ input, ctx }) => {
    const mailbox = await createLocalMailbox({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/mailboxes`);
    return { id: mailbox.id };
  },
);

export const updateMailboxSettingsAction = teamAction(
  { name: "updateMailboxSettings", schema: mailboxSettingsSchema, permission: "team:settings" },
  async ({ input, ctx }) => {
    await updateMailboxSettings({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/mailboxes`, "layout");
    return null;
  },
);

export const createSmtpMailboxAction = teamAction(
  { name: "createSmtpMailbox", schema: createSmtpMailboxSchema, permission: "team:settings" },
  async ({ input, ctx }) => {
    const mailbox = await createSmtpMailbox({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/mailboxes`);
    return { id: mailbox.id, email: mailbox.email };
  },
);

export const createResendMailboxAction = teamAction(
  { name: "createResendMailbox", schema: createResendMailboxSchema, permission: "team:settings" },
  async ({ input, ctx }) => {
    const mailbox = await createResendMailbox({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/mailboxes`);
    return { id: mailbox.id, email: mailbox.email };
  },
);

export const updateResendWebhookSecretAction = teamAction(
  { name: "updateResendWebhookSecret", schema: updateResendWebhookSecretSchema, permission: "team:settings" },
  async ({ input, ctx }) => {
    await updateResendWebhookSecret({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/mailboxes/${input.mailboxId}`);
    return null;
  },
);
