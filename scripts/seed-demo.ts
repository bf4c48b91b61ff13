// `npm run seed:demo`: a demo team (sign in as demo@example.com) with a local-outbox mailbox, leads, templates,
// a three-step A/B sequence and a running campaign — made through the same lib/ functions the UI calls, so what
// you see is the product working. The first emails are sent before this script exits (they land in /outbox and
// on the campaign page); follow-ups run when their delays pass, inside the app's own job engine.
//
// With the embedded database (PGlite), run it while the app is stopped (one process may open .data/pglite).
import { eq } from "drizzle-orm";

const DEMO_EMAIL = process.env.DEMO_EMAIL ?? "demo@example.com";

const LEADS = [
  { firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines", title: "Head of Engineering", email: "ada@analytical.example", timezone: "Europe/London", website: "https://analytical.example" },
  { firstName: "Grace", lastName: "Hopper", company: "Compiler Works", title: "VP Platform", email: "grace@compiler.example", timezone: "America/New_York" },
  { firstName: "Katherine", lastName: "Johnson", company: "Orbit Labs", title: "Director of Data", email: "katherine@orbit.example", timezone: "America/Chicago" },
  { firstName: "Alan", lastName: "Turing", company: "Bletchley Systems", title: "CTO", email: "alan@bletchley.example", timezone: "Europe/London" },
  { firstName: "Margaret", lastName: "Hamilton", company: "Apollo Software", title: "Engineering Manager", email: "margaret@apollo.example", timezone: "America/Los_Angeles" },
  { firstName: "Edsger", lastName: "Dijkstra", company: "Shortest Path BV", title: "Founder", email: "edsger@shortestpath.example", timezone: "Europe/Amsterdam" },
  { firstName: "Barbara", lastName: "Liskov", company: "Substitution Inc", title: "Head of Architecture", email: "barbara@substitution.example", timezone: "America/New_York" },
  { firstName: "Linus", lastName: "Torvalds", company: "Kernel Co", title: "Maintainer", email: "linus@kernel.example", timezone: "America/Los_Angeles" },
];

async function main() {
  const { getDb } = await import("@/db");
  const { users } = await import("@/db/schema/auth");
  const { teams } = await import("@/db/schema/teams");
  const { createPersonalTeam } = await import("@/lib/teams/create-personal-team");
  const { updateTeamSettings } = await import("@/lib/teams/update-team-settings");
  const { createLocalMailbox } = await import("@/lib/mailboxes/create-local-mailbox");
  const { updateMailboxSettings } = await import("@/lib/mailboxes/update-mailbox-settings");
  const { mailboxSettingsSchema } = await import("@/lib/mailboxes/mailbox-settings.schema");
  const { createLead } = await import("@/lib/leads/create-lead");
  const { createLeadSchema } = await import("@/lib/leads/lead-fields.schema");
  const { createTemplate } = await import("@/lib/templates/create-template");
  const { templateInputSchema } = await import("@/lib/templates/template.schema");
  const { saveSequence } = await import("@/lib/sequences/save-sequence");
  const { sequenceSchema } = await import("@/lib/sequences/sequence.schema");
  const { createCampaign } = await import("@/lib/campaigns/create-campaign");
  const { campaignFormSchema } = await import("@/lib/campaigns/campaign.schema");
  const { startCampaign } = await import("@/lib/campaigns/start-campaign");
  const { startEmbeddedJobs } = await import("@/tests/support/jobs-app-server");

  const db = await getDb();
  const existing = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
  if (existing.length) {
    console.log(`${DEMO_EMAIL} already exists: the demo was seeded before. Sign in as ${DEMO_EMAIL}.`);
    process.exit(0);
  }
  // The jobs engine, in this process, driving the app's real functions (as `next start` does).
  const jobs = await startEmbeddedJobs();

  const [user] = await db.insert(users).values({ email: DEMO_EMAIL, name: "Demo Rep" }).returning();
  const team = await createPersonalTeam(db, { id: user.id, email: DEMO_EMAIL, name: user.name });
  const teamId = team.id;
  const actor = { teamId, actorUserId: user.id };
  await updateTeamSettings({ ...actor, input: { name: "Demo team", postalAddress: "Demo Co.\n1 Market Street\nSan Francisco, CA 94105", trackingDomain: null } as never });
  await db.update(teams).set({ name: "Demo team" }).where(eq(teams.id, teamId));

  const mailbox = await createLocalMailbox({ ...actor, input: { email: "rep@demo.example", displayName: "Demo Rep" } });
  const mailboxId = mailbox.id;
  await updateMailboxSettings({
    ...actor,
    input: mailboxSettingsSchema.parse({ mailboxId, displayName: "Demo Rep", dailyCap: 100, minIntervalSeconds: 5, jitterSeconds: 2, sendingDays: ["0", "1", "2", "3", "4", "5", "6"], sendingStart: "00:00", sendingEnd: "24:00", timezone: "UTC", warmupStartPerDay: 10, warmupDailyIncrement: 5, warmupTarget: 100 }),
  });

  for (const lead of LEADS) await createLead({ ...actor, input: createLeadSchema.parse({ ...lead, tags: "demo" }) });

  await createTemplate({
    ...actor,
    input: templateInputSchema.parse({
      name: "Intro: release process",
      subject: "{{company|your team}}'s release process",
      body: "Hi {{first_name|there}},\n\nTeams like {{company|yours}} often lose a day per release to manual checks. We cut that to minutes for similar teams.\n\nWorth a 15-minute call next week?\n\nBest,\nDemo Rep",
    }),
  });
  const sequence = await saveSequence({
    ...actor,
    input: sequenceSchema.parse({
      name: "Demo outbound (3 steps)",
      description: "Intro with an A/B subject, a nudge two days later, and a break-up note.",
      steps: [
        {
          delay: 0, delayUnit: "days", condition: "always", sameThread: false,
          variants: [
            { label: "A", weight: 1, subject: "{{company|your team}}'s release process", body: "Hi {{first_name|there}},\n\nTeams like {{company|yours}} often lose a day per release to manual checks. We cut that to minutes for similar teams.\n\nWorth a 15-minute call next week?\n\nBest,\nDemo Rep" },
            { label: "B", weight: 1, subject: "Quick question, {{first_name|there}}", body: "Hi {{first_name|there}},\n\nHow long does a release take at {{company|your company}} today? We help teams ship in minutes instead of a day.\n\nOpen to a short call?\n\nBest,\nDemo Rep" },
          ],
        },
        { delay: 2, delayUnit: "days", businessDays: true, condition: "no_reply", sameThread: true, variants: [{ label: "A", weight: 1, subject: "", body: "Hi {{first_name|there}}, just floating this back up. Would a short call help?\n\nDemo Rep" }] },
        { delay: 4, delayUnit: "days", condition: "no_reply", sameThread: true, variants: [{ label: "A", weight: 1, subject: "", body: "Hi {{first_name|there}}, I'll stop here. If release speed becomes a priority, reply and I'll send details.\n\nDemo Rep" }] },
      ],
    }),
  });
  const { sequenceId } = sequence;
  const campaign = await createCampaign({
    ...actor,
    settings: campaignFormSchema.parse({
      name: "Demo: platform leaders",
      sequenceId,
      selectionType: "tag",
      tag: "demo",
      mailboxIds: [mailboxId],
      scheduleDays: ["0", "1", "2", "3", "4", "5", "6"],
      scheduleStart: "00:00",
      scheduleEnd: "24:00",
      timezoneMode: "recipient",
      timezone: "UTC",
      trackOpens: "on",
      trackClicks: "on",
      stopScope: "lead",
    }),
  });
  const campaignId = campaign.id;
  await startCampaign({ ...actor, campaignId });

  // Wait for the first step to leave for every lead (spaced a few seconds apart by the mailbox's settings).
  const { emails } = await import("@/db/schema/emails");
  const deadline = Date.now() + 180_000;
  for (;;) {
    const sent = (await db.select({ status: emails.status }).from(emails).where(eq(emails.campaignId, campaignId))).filter((e) => e.status === "sent").length;
    process.stdout.write(`\rfirst emails sent: ${sent}/${LEADS.length}`);
    if (sent >= LEADS.length || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  // Three leads answer, through the same ingest door a mailbox sync uses: the inbox has something to show.
  const { ingestRawMessage } = await import("@/lib/inbound/ingest-inbound-message");
  const { rawReply } = await import("@/tests/support/raw-mail");
  const firstSent = await db.select().from(emails).where(eq(emails.campaignId, campaignId)).limit(3);
  const back = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
  const answers = [
    { text: "This is timely. We are looking at exactly this for Q1. Are you free for a call on Thursday?" },
    { text: `I am out of the office until ${back} with limited access to email.`, subject: "Automatic reply: ", headers: { "Auto-Submitted": "auto-replied" } },
    { text: "I am not the right person for this. Please reach out to ops@northwind.example instead." },
  ];
  for (const [i, sent] of firstSent.entries()) {
    const a = answers[i];
    await ingestRawMessage({
      teamId,
      mailboxId,
      inbound: {
        providerMessageId: `demo-reply-${i}`,
        raw: rawReply({ from: sent.toAddresses[0], to: sent.fromAddress, subject: `${a.subject ?? "Re: "}${sent.subject}`, inReplyTo: sent.messageId, text: a.text, headers: a.headers }),
      },
    });
  }
  console.log(`\nDemo ready. Start the app (npm run dev), open http://localhost:3000, sign in as ${DEMO_EMAIL} (the link is in /outbox).`);
  await jobs.close();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
