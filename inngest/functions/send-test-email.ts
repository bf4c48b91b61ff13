// "Send a test email to myself": a team-scoped job that goes through the outgoing-mail layer.
import { sendSystemMail } from "@/lib/email/send-system-mail";
import { renderTestEmail } from "@/lib/jobs/test-email/render-test-email";
import { inngest } from "../client";
import { testEmailRequested } from "../events";

export const sendTestEmail = inngest.createFunction(
  { id: "send-test-email", name: "Send a test email", retries: 3, triggers: [{ event: testEmailRequested }] },
  async ({ event, step }) => {
    const { teamId, to } = event.data;
    const mail = await step.run("render-email", () => renderTestEmail({ to, requestedAt: new Date(event.ts ?? Date.now()) }));
    return step.run("send-email", () => sendSystemMail({ kind: "test-email", teamId, to, ...mail }));
  },
);
