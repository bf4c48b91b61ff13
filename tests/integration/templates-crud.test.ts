import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { leads } from "@/db/schema/leads";
import { archiveTemplate } from "@/lib/templates/archive-template";
import { createTemplate } from "@/lib/templates/create-template";
import { getTemplate } from "@/lib/templates/get-template";
import { listTemplates } from "@/lib/templates/list-templates";
import { previewTemplate } from "@/lib/templates/preview-template";
import { templateInputSchema } from "@/lib/templates/template.schema";
import { updateTemplate } from "@/lib/templates/update-template";
import { saveSequence } from "@/lib/sequences/save-sequence";
import { createUserWithTeam } from "../support/factories";

const input = (name: string, extra: Partial<{ subject: string; body: string }> = {}) =>
  templateInputSchema.parse({ name, subject: "Quick question, {{first_name|there}}", body: "Hi {{first_name|there}},\n\nHow does {{company|your team}} hire?", ...extra });

describe("templates", () => {
  it("creates, lists by name search, updates and reads back within the team", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const t = await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Intro") });
    await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Follow-up") });
    expect(t.variables).toEqual(["first_name", "company"]);
    expect(t.bodyHtml).toBe("<p>Hi {{first_name|there}},</p>\n<p>How does {{company|your team}} hire?</p>");
    expect((await listTemplates({ teamId: team.id })).total).toBe(2);
    expect((await listTemplates({ teamId: team.id, search: "foll" })).rows.map((r) => r.name)).toEqual(["Follow-up"]);
    const updated = await updateTemplate({ teamId: team.id, actorUserId: user.id, templateId: t.id, input: input("Intro v2", { subject: "Hello {{first_name|there}}" }) });
    expect(updated.subject).toBe("Hello {{first_name|there}}");
    expect((await getTemplate({ teamId: team.id, templateId: t.id })).name).toBe("Intro v2");
  });

  it("answers a taken name with a field error, not a crash", async () => {
    const { user, team } = await createUserWithTeam("rep");
    await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Intro") });
    const other = await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Other") });
    const dup = await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Intro") }).catch((e) => e);
    expect(dup).toMatchObject({ code: "conflict", fields: { name: ["Your team already has a template called “Intro”. Pick another name."] } });
    const rename = await updateTemplate({ teamId: team.id, actorUserId: user.id, templateId: other.id, input: input("Intro") }).catch((e) => e);
    expect(rename).toMatchObject({ code: "conflict", fields: { name: [expect.stringContaining("already has a template")] } });
    // Another team may use the same name.
    const b = await createUserWithTeam("b");
    await expect(createTemplate({ teamId: b.team.id, actorUserId: b.user.id, input: input("Intro") })).resolves.toMatchObject({ name: "Intro" });
  });

  it("rejects a variable no lead can fill, naming it, but accepts the team's custom fields", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const bad = await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("X", { body: "Hi {{frist_name}}, {{pain_point}}" }) }).catch((e) => e);
    expect(bad.code).toBe("invalid_input");
    expect(bad.fields.body[0]).toBe("{{frist_name}}, {{pain_point}} are not a lead field. Use one from “Insert variable”, or add a fallback such as {{frist_name|there}}.");
    const db = await getDb();
    await db.insert(leads).values({ teamId: team.id, email: "a@acme.test", customFields: { pain_point: "slow builds" } });
    await expect(createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Y", { body: "About {{pain_point}}" }) })).resolves.toMatchObject({ variables: ["first_name", "pain_point"] });
    expect((await listTemplates({ teamId: team.id })).total).toBe(1);
  });

  it("previews against a chosen lead with fallbacks and spintax resolved, and scores it", async () => {
    const { team } = await createUserWithTeam("rep");
    const db = await getDb();
    const [lead] = await db.insert(leads).values({ teamId: team.id, email: "grace@hopper.test", firstName: "Grace", company: null }).returning();
    const p = await previewTemplate({ teamId: team.id, input: { subject: "{Quick|Short} question, {{first_name|there}}", body: "Hi {{first_name|there}}, how does {{company|your team}} {hire|recruit}?", leadId: lead.id } });
    expect(p.problem).toBeNull();
    expect(p.leadLabel).toBe("Grace");
    expect(p.subject).toMatch(/^(Quick|Short) question, Grace$/);
    expect(p.text).toMatch(/^Hi Grace, how does your team (hire|recruit)\?$/);
    expect(p.score.score).toBeGreaterThan(0);
    expect(p.score.checks.find((c) => c.id === "length")?.passed).toBe(false);

    const sample = await previewTemplate({ teamId: team.id, input: { subject: "Hi", body: "Hello {{first_name}} at {{company}}", leadId: "" } });
    expect(sample.text).toBe("Hello Jordan at Northwind Traders");
    const missing = await previewTemplate({ teamId: team.id, input: { subject: "Hi", body: "Hello {{title}}", leadId: lead.id } });
    expect(missing.problem).toMatch(/uses \{\{title\}\} but the lead has no value/);
  });

  it("deletes an unused template but archives (and frees the name of) one a sequence step was built from", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const unused = await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Unused") });
    expect(await archiveTemplate({ teamId: team.id, actorUserId: user.id, templateId: unused.id })).toMatchObject({ outcome: "deleted" });
    await expect(getTemplate({ teamId: team.id, templateId: unused.id })).rejects.toMatchObject({ code: "not_found" });

    const used = await createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Used") });
    await saveSequence({ teamId: team.id, actorUserId: user.id, input: { sequenceId: undefined, name: "S", description: null, steps: [{ delay: 0, delayUnit: "days", businessDays: false, condition: "always", sameThread: false, variants: [{ label: "A", subject: "Hi", body: "Hello", weight: 1, templateId: used.id }] }] } });
    expect(await archiveTemplate({ teamId: team.id, actorUserId: user.id, templateId: used.id })).toMatchObject({ outcome: "archived", uses: 1 });
    const archived = await getTemplate({ teamId: team.id, templateId: used.id });
    expect(archived.archivedAt).not.toBeNull();
    expect((await listTemplates({ teamId: team.id })).total).toBe(0);
    expect((await listTemplates({ teamId: team.id, archived: true })).rows.map((r) => r.id)).toEqual([used.id]);
    await expect(createTemplate({ teamId: team.id, actorUserId: user.id, input: input("Used") })).resolves.toMatchObject({ name: "Used" });
    await expect(updateTemplate({ teamId: team.id, actorUserId: user.id, templateId: used.id, input: input("Again") })).rejects.toMatchObject({ code: "conflict" });
  });

  it("treats another team's template as not found", async () => {
    const a = await createUserWithTeam("a");
    const b = await createUserWithTeam("b");
    const t = await createTemplate({ teamId: a.team.id, actorUserId: a.user.id, input: input("Mine") });
    await expect(getTemplate({ teamId: b.team.id, templateId: t.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateTemplate({ teamId: b.team.id, actorUserId: b.user.id, templateId: t.id, input: input("Theirs") })).rejects.toMatchObject({ code: "not_found" });
    await expect(archiveTemplate({ teamId: b.team.id, actorUserId: b.user.id, templateId: t.id })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    const [lead] = await db.insert(leads).values({ teamId: a.team.id, email: "x@a.test" }).returning();
    await expect(previewTemplate({ teamId: b.team.id, input: { subject: "x", body: "y", leadId: lead.id } })).rejects.toMatchObject({ code: "not_found" });
    expect((await getTemplate({ teamId: a.team.id, templateId: t.id })).name).toBe("Mine");
  });

  it("explains syntax problems in the schema", () => {
    const r = templateInputSchema.safeParse({ name: "", subject: "Hi {{}}", body: "{Hey|Hello there" });
    expect(r.success).toBe(false);
    const msgs = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(msgs).toEqual({
      name: "Give the template a name.",
      subject: "“{{}}” has no variable name, e.g. {{first_name|there}}.",
      body: "The spintax “{Hey|Hello there” is never closed: end the choices with }.",
    });
  });
});
