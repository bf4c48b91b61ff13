import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaigns } from "@/db/schema/campaigns";
import { sequenceStepVariants } from "@/db/schema/sequences";
import { appendSequenceStep } from "@/lib/sequences/append-sequence-step";
import { archiveSequence } from "@/lib/sequences/archive-sequence";
import { duplicateSequence } from "@/lib/sequences/duplicate-sequence";
import { getSequence, sequenceFormState } from "@/lib/sequences/get-sequence";
import { listSequences } from "@/lib/sequences/list-sequences";
import { saveSequence } from "@/lib/sequences/save-sequence";
import { sequenceSchema, type SequenceFormState } from "@/lib/sequences/sequence.schema";
import { createTemplate } from "@/lib/templates/create-template";
import { templateInputSchema } from "@/lib/templates/template.schema";
import { createUserWithTeam } from "../support/factories";

const threeSteps = (): SequenceFormState => ({
  name: "Outbound Q3",
  description: "Founders at seed-stage SaaS",
  steps: [
    { delay: 0, delayUnit: "days", businessDays: false, condition: "always", sameThread: false, variants: [
      { label: "A", subject: "Quick question, {{first_name|there}}", body: "Hi {{first_name|there}}, A", weight: 1 },
      { label: "B", subject: "{{company|Your team}} + us", body: "Hi {{first_name|there}}, B", weight: 1 },
    ] },
    { delay: 2, delayUnit: "days", businessDays: true, condition: "no_reply", sameThread: true, variants: [{ label: "A", subject: "", body: "Bumping this up.", weight: 1 }] },
    { delay: 36, delayUnit: "hours", businessDays: false, condition: "opened", sameThread: false, variants: [{ label: "A", subject: "One last idea", body: "Last note.", weight: 1 }] },
  ],
});
const parse = (s: SequenceFormState) => sequenceSchema.parse(s);

describe("save-sequence", () => {
  it("round-trips the builder state and keeps variant ids for unchanged labels", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const { sequenceId } = await saveSequence({ teamId: team.id, actorUserId: user.id, input: parse(threeSteps()) });
    const saved = await getSequence({ teamId: team.id, sequenceId });
    expect(saved.steps.map((s) => [s.position, s.delayMinutes, s.delayBusinessDays, s.condition, s.sameThread])).toEqual([
      [0, 0, false, "always", false],
      [1, 2880, true, "no_reply", true],
      [2, 2160, false, "opened", false],
    ]);
    expect(saved.steps[1].variants[0]).toMatchObject({ subject: null, bodyText: "Bumping this up.", bodyHtml: "<p>Bumping this up.</p>" });
    const form = sequenceFormState(saved);
    expect(form.steps[2]).toMatchObject({ delay: 36, delayUnit: "hours" });
    expect(form.steps[1]).toMatchObject({ delay: 2, delayUnit: "days", businessDays: true });

    const ids = Object.fromEntries(saved.steps[0].variants.map((v) => [v.label, v.id]));
    // Edit A, drop B, add C; shorten to two steps.
    const next = { ...form, name: "Outbound Q4", steps: [
      { ...form.steps[0], variants: [{ ...form.steps[0].variants[0], body: "Hi, A edited" }, { label: "C" as const, subject: "New C", body: "C body", weight: 3 }] },
      form.steps[1],
    ] };
    await saveSequence({ teamId: team.id, actorUserId: user.id, input: parse(next) });
    const again = await getSequence({ teamId: team.id, sequenceId });
    expect(again.name).toBe("Outbound Q4");
    expect(again.steps).toHaveLength(2);
    expect(again.steps[0].variants.map((v) => v.label)).toEqual(["A", "C"]);
    expect(again.steps[0].variants[0]).toMatchObject({ id: ids.A, bodyText: "Hi, A edited" });
    expect(again.steps[0].id).toBe(saved.steps[0].id);
    const db = await getDb();
    expect(await db.select().from(sequenceStepVariants).where(eq(sequenceStepVariants.id, ids.B))).toEqual([]);
  });

  it("changes nothing when a save fails part-way", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const other = await createUserWithTeam("other");
    const foreign = await createTemplate({ teamId: other.team.id, actorUserId: other.user.id, input: templateInputSchema.parse({ name: "Theirs", subject: "x", body: "y" }) });
    const { sequenceId } = await saveSequence({ teamId: team.id, actorUserId: user.id, input: parse(threeSteps()) });
    const before = await getSequence({ teamId: team.id, sequenceId });
    const form = sequenceFormState(before);
    // Step 1 is rewritten and a fourth step added before step 3's variant names another team's template.
    const broken = { ...form, name: "Renamed", steps: [
      { ...form.steps[0], variants: [{ ...form.steps[0].variants[0], body: "changed" }] },
      form.steps[1],
      { ...form.steps[2], variants: [{ ...form.steps[2].variants[0], templateId: foreign.id }] },
      { ...form.steps[1], variants: [{ label: "A" as const, subject: "", body: "step 4", weight: 1 }] },
    ] };
    await expect(saveSequence({ teamId: team.id, actorUserId: user.id, input: parse(broken) })).rejects.toMatchObject({ code: "not_found" });
    const after = await getSequence({ teamId: team.id, sequenceId });
    expect(after).toEqual(before);
  });

  it("reports unknown variables at the variant's field path", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const s = threeSteps();
    s.steps[1].variants[0].body = "Hi {{nick_name}}";
    const error = await saveSequence({ teamId: team.id, actorUserId: user.id, input: parse(s) }).catch((e) => e);
    expect(error.fields).toEqual({ "steps.1.variants.0.body": [expect.stringContaining("{{nick_name}} is not a lead field")] });
    expect((await listSequences({ teamId: team.id })).total).toBe(0);
  });

  it("deletes an unused sequence but archives one a campaign uses; lists steps and campaigns", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const unused = await saveSequence({ teamId: team.id, actorUserId: user.id, input: parse(threeSteps()) });
    const used = await saveSequence({ teamId: team.id, actorUserId: user.id, input: parse({ ...threeSteps(), name: "Used" }) });
    const db = await getDb();
    await db.insert(campaigns).values({ teamId: team.id, name: "Spring push", sequenceId: used.sequenceId });

    const list = await listSequences({ teamId: team.id });
    expect(list.rows.find((r) => r.id === used.sequenceId)).toMatchObject({ steps: 3, campaigns: [{ name: "Spring push" }] });

    expect(await archiveSequence({ teamId: team.id, actorUserId: user.id, sequenceId: unused.sequenceId })).toMatchObject({ outcome: "deleted" });
    await expect(getSequence({ teamId: team.id, sequenceId: unused.sequenceId })).rejects.toMatchObject({ code: "not_found" });
    expect(await archiveSequence({ teamId: team.id, actorUserId: user.id, sequenceId: used.sequenceId })).toMatchObject({ outcome: "archived", campaigns: 1 });
    expect((await getSequence({ teamId: team.id, sequenceId: used.sequenceId })).status).toBe("archived");
    expect((await listSequences({ teamId: team.id })).total).toBe(0);
    expect((await listSequences({ teamId: team.id, archived: true })).total).toBe(1);
    await expect(saveSequence({ teamId: team.id, actorUserId: user.id, input: parse({ ...threeSteps(), sequenceId: used.sequenceId }) })).rejects.toMatchObject({ code: "conflict" });
  });

  it("duplicates with new ids and appends a composed email as the last step", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const { sequenceId } = await saveSequence({ teamId: team.id, actorUserId: user.id, input: parse(threeSteps()) });
    const copy = await duplicateSequence({ teamId: team.id, actorUserId: user.id, sequenceId });
    const a = await getSequence({ teamId: team.id, sequenceId });
    const b = await getSequence({ teamId: team.id, sequenceId: copy.id });
    expect(b.name).toBe("Copy of Outbound Q3");
    expect(sequenceFormState(b).steps).toEqual(sequenceFormState(a).steps);
    expect(b.steps[0].variants[0].id).not.toBe(a.steps[0].variants[0].id);

    const appended = await appendSequenceStep({ teamId: team.id, actorUserId: user.id, target: { sequenceId }, content: { subject: "Following up", body: "Any thoughts?" } });
    expect(appended.position).toBe(3);
    const withFour = await getSequence({ teamId: team.id, sequenceId });
    expect(withFour.steps[3]).toMatchObject({ delayMinutes: 3 * 1440, delayBusinessDays: true, condition: "no_reply", sameThread: true });
    expect(withFour.steps[3].variants).toMatchObject([{ label: "A", subject: "Following up", bodyText: "Any thoughts?" }]);
    // Ids of the existing steps' variants do not move.
    expect(withFour.steps[0].variants.map((v) => v.id)).toEqual(a.steps[0].variants.map((v) => v.id));

    const fresh = await appendSequenceStep({ teamId: team.id, actorUserId: user.id, target: { newName: "From composer" }, content: { subject: "Hello", body: "Body" } });
    expect((await getSequence({ teamId: team.id, sequenceId: fresh.sequenceId })).steps[0]).toMatchObject({ position: 0, sameThread: false, delayMinutes: 0 });
    await expect(appendSequenceStep({ teamId: team.id, actorUserId: user.id, target: { newName: "No subject" }, content: { subject: "", body: "Body" } })).rejects.toMatchObject({ code: "invalid_input", message: "Step 1: The first email needs a subject." });
  });

  it("treats another team's sequence as not found", async () => {
    const a = await createUserWithTeam("a");
    const b = await createUserWithTeam("b");
    const { sequenceId } = await saveSequence({ teamId: a.team.id, actorUserId: a.user.id, input: parse(threeSteps()) });
    await expect(getSequence({ teamId: b.team.id, sequenceId })).rejects.toMatchObject({ code: "not_found" });
    await expect(saveSequence({ teamId: b.team.id, actorUserId: b.user.id, input: parse({ ...threeSteps(), sequenceId }) })).rejects.toMatchObject({ code: "not_found" });
    await expect(archiveSequence({ teamId: b.team.id, actorUserId: b.user.id, sequenceId })).rejects.toMatchObject({ code: "not_found" });
    await expect(duplicateSequence({ teamId: b.team.id, actorUserId: b.user.id, sequenceId })).rejects.toMatchObject({ code: "not_found" });
    await expect(appendSequenceStep({ teamId: b.team.id, actorUserId: b.user.id, target: { sequenceId }, content: { subject: "x", body: "y" } })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    const rows = await db.select().from(sequenceStepVariants).where(and(eq(sequenceStepVariants.teamId, b.team.id)));
    expect(rows).toEqual([]);
    expect((await getSequence({ teamId: a.team.id, sequenceId })).steps).toHaveLength(3);
  });
});
