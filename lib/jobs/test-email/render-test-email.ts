// The "send a test email to myself" message: proves the job path end to end (event → run → outgoing mail).
export interface TestEmail {
  subject: string;
  html: string;
  text: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderTestEmail(input: { to: string; requestedAt: Date }): TestEmail {
  const when = input.requestedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const text = [
    `This is a test email to ${input.to}.`,
    "",
    `It was requested at ${when} and delivered by a background job, so your outgoing mail and jobs both work.`,
  ].join("\n");
  const html = `<p>This is a test email to <strong>${escapeHtml(input.to)}</strong>.</p>
<p>It was requested at ${escapeHtml(when)} and delivered by a background job, so your outgoing mail and jobs both work.</p>`;
  return { subject: "Test email from Sales Copilot", html, text };
}
