import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { checkClaims } from "@/lib/ai/check-claims";
import { countWords } from "@/lib/ai/email-text";
import { createOfflineWriter } from "@/lib/ai/offline-writer/offline-writer-model";
import { fixGrammar } from "@/lib/ai/offline-writer/rewrite-draft";
import { parseDraft } from "@/lib/ai/parse-draft";
import { buildRewritePrompt } from "@/lib/ai/rewrite-email";
import { rewriteEmailInputSchema, type RewriteMode } from "@/lib/ai/rewrite-email.schema";

const FACTS = [{ id: "f1", claim: "Harbor Labs launched a carbon reporting dashboard for logistics teams.", sourceUrl: "https://harbor.example/blog" }];
const DRAFT = [
  "Subject: Your new dashboard",
  "",
  "Dear Omar,",
  "",
  "I hope this email finds you well. I just wanted to reach out because I saw that Harbor Labs launched a carbon reporting dashboard for logistics teams.",
  "",
  "I think our data pipeline could maybe help your team really feed that dashboard faster. We have worked with many companies and I believe the fit is very good. Our onboarding is simple and our support team is responsive.",
  "",
  "Are you free for a short call on Tuesday?",
  "",
  "Regards,",
  "Nina",
  "",
  "Facts used: f1",
].join("\n");

async function rewrite(mode: RewriteMode, draft = DRAFT) {
  const { system, prompt } = buildRewritePrompt(rewriteEmailInputSchema.parse({ mode, draft, facts: FACTS }));
  const { text } = await generateText({ model: createOfflineWriter(), instructions: system, prompt });
  return parseDraft(text, ["f1"]);
}

describe("offline rewrites", () => {
  const before = parseDraft(DRAFT);

  it("shorter: drops filler and lower-priority sentences, keeps the fact, the ask and the sign-off", async () => {
    const after = await rewrite("shorter");
    expect(countWords(after.body)).toBeLessThan(countWords(before.body));
    expect(countWords(after.body)).toBeGreaterThanOrEqual(50);
    expect(after.body).not.toContain("I hope this email finds you well");
    expect(after.body).toContain("Harbor Labs launched a carbon reporting dashboard");
    expect(after.body).toContain("Are you free for a short call on Tuesday?");
    expect(after.body.endsWith("Regards,\nNina")).toBe(true);
    expect(after.factIds).toEqual(["f1"]);
  });

  it("warmer: a friendlier greeting, a softer ask and sign-off", async () => {
    const after = await rewrite("warmer");
    expect(after.body.startsWith("Hi Omar,\n\nI hope your week is going well.")).toBe(true);
    expect(after.body).toContain("Would you be open to a short call on Tuesday?");
    expect(after.body).toContain("Warm regards,");
  });

  it("more direct: no pleasantries or hedges", async () => {
    const after = await rewrite("more_direct");
    for (const hedge of ["I hope this email", "I think", "maybe", "just", "really", "very"]) expect(after.body).not.toContain(hedge);
    expect(after.body).toContain("Thanks,");
    expect(after.body.match(/\?/g)).toHaveLength(1);
  });

  it("fix grammar: spelling, doubled words, spacing, capitals and articles, nothing else", () => {
    expect(fixGrammar("i recieve alot of emails , and teh the team dont reply. an update is coming.We have a idea for a SDR team"))
      .toBe("I receive a lot of emails, and the team don't reply. An update is coming. We have an idea for a SDR team");
  });

  it("never adds a claim the facts do not support", async () => {
    for (const mode of ["shorter", "warmer", "more_direct", "fix_grammar"] as const) {
      const after = await rewrite(mode);
      expect(checkClaims({ text: `${after.subject}\n\n${after.body}`, facts: FACTS, lead: { firstName: "Omar" }, sender: { name: "Nina" } })).toEqual([]);
    }
  });
});
