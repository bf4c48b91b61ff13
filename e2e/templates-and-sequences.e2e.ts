import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";

const uniqueEmail = (who: string) => `${who}-${randomBytes(3).toString("hex")}@example.com`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const step = (page: Page, n: number) => page.getByRole("region", { name: `Step ${n}`, exact: true });

describe("templates and sequences", () => {
  it("writes a template with a live preview and score, then builds a 3-step sequence with an A/B first step", async () => {
    const { context, page } = await newPage(browser);
    const team = await signInThroughOutbox(page, uniqueEmail("seq"));

    await page.goto(`/${team}/templates`);
    await expect.poll(() => page.getByText("No templates yet").count()).toBe(1);
    await page.getByRole("link", { name: "New template" }).first().click();
    await page.waitForURL(`**/${team}/templates/new`);
    await page.getByLabel("Name").fill("Warehouse intro");
    await page.getByLabel("Subject").fill("{Quick|Short} question, {{first_name|there}}");
    await page.getByLabel("Body").fill("Hi {{first_name|there}},\n\nHow does {{company|your team}} handle picking errors today?\n\nWorth a short call next week?");
    // Rendered for the sample lead by the server: variables filled, spintax resolved.
    await expect.poll(() => page.getByTestId("preview-subject").textContent(), { timeout: 10_000 }).toMatch(/^(Quick|Short) question, Jordan$/);
    expect(await page.getByTestId("preview-body").textContent()).toContain("How does Northwind Traders handle");
    expect(Number(await page.getByTestId("email-score").textContent())).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Create template" }).click();
    await page.waitForURL(new RegExp(`/${team}/templates/[0-9a-f-]{36}`));
    await expect.poll(() => page.getByText("Template created.").count()).toBe(1);
    await expect.poll(() => page.getByTestId("preview-subject").count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, "template-editor");

    // A second template with the same name is a field error, not a crash.
    await page.goto(`/${team}/templates/new`);
    await page.getByLabel("Name").fill("Warehouse intro");
    await page.getByLabel("Subject").fill("Hello");
    await page.getByLabel("Body").fill("Hi there");
    await page.getByRole("button", { name: "Create template" }).click();
    await expect.poll(() => page.getByText("Your team already has a template called “Warehouse intro”. Pick another name.").count()).toBe(1);
    expect(await page.getByLabel("Body").inputValue()).toBe("Hi there");

    await page.goto(`/${team}/sequences`);
    await expect.poll(() => page.getByText("No sequences yet").count()).toBe(1);
    await page.getByRole("link", { name: "New sequence" }).first().click();
    await page.waitForURL(`**/${team}/sequences/new`);
    await page.getByLabel("Sequence name").fill("Warehouse outbound");

    // Step 1: variant A from the template, variant B typed.
    await step(page, 1).getByLabel("Use template").selectOption({ label: "Warehouse intro" });
    expect(await step(page, 1).getByLabel("Subject").inputValue()).toBe("{Quick|Short} question, {{first_name|there}}");
    await step(page, 1).getByRole("button", { name: "Add variant B" }).click();
    await step(page, 1).getByLabel("Subject").fill("Picking errors at {{company|your warehouse}}");
    await step(page, 1).getByLabel("Body").fill("Hi {{first_name|there}}, we cut picking errors by half at similar sites. Open to a chat?");
    await step(page, 1).getByLabel("Weight").fill("2");

    // Step 2: same-thread bump after 3 business days (the defaults).
    await page.getByRole("button", { name: "Add step" }).click();
    expect(await step(page, 2).getByLabel("Send if").inputValue()).toBe("no_reply");
    expect(await step(page, 2).getByLabel("Business days only").getAttribute("aria-checked")).toBe("true");
    await step(page, 2).getByLabel("Body").fill("Bumping this in case it got buried.");

    // Step 3: a new thread for openers, first saved without a subject.
    await page.getByRole("button", { name: "Add step" }).click();
    await step(page, 3).getByLabel("Same thread").click();
    await step(page, 3).getByLabel("Send if").selectOption({ label: "Opened an earlier email" });
    await step(page, 3).getByLabel("Wait").fill("36");
    await step(page, 3).getByLabel("Unit").selectOption("hours");
    await step(page, 3).getByLabel("Body").fill("One last idea about your Rotterdam site.");
    await page.getByRole("button", { name: "Save sequence" }).click();
    await expect.poll(() => step(page, 3).getByText("A step in a new thread needs a subject").count()).toBe(1);
    // Nothing typed was lost.
    expect(await step(page, 3).getByLabel("Body").inputValue()).toBe("One last idea about your Rotterdam site.");
    await step(page, 3).getByLabel("Subject").fill("One last idea");
    await page.getByRole("button", { name: "Save sequence" }).click();
    await page.waitForURL(new RegExp(`/${team}/sequences/[0-9a-f-]{36}`));
    await expect.poll(() => page.getByText("Sequence created.").count()).toBe(1);

    // Reloaded from the database: three steps, A/B on the first, the openers' condition on the third.
    expect(await page.getByRole("region", { name: /^Step \d$/ }).count()).toBe(3);
    expect(await step(page, 1).getByRole("tab").allTextContents()).toEqual(["Variant A", "Variant B"]);
    expect(await step(page, 3).getByLabel("Send if").inputValue()).toBe("opened");
    expect(await step(page, 3).getByLabel("Unit").inputValue()).toBe("hours");
    await screenshot(page, "sequence-builder");

    await page.goto(`/${team}/sequences`);
    const row = page.getByTestId("sequence-row").filter({ hasText: "Warehouse outbound" });
    expect(await row.textContent()).toContain("3 steps");
    await screenshot(page, "sequence-list");

    // The composer keeps a draft as a template and as the sequence's next step.
    await page.goto(`/${team}/compose`);
    await page.getByLabel("Subject").fill("Following up, {{first_name|there}}");
    await page.getByLabel("Body").fill("Hi {{first_name|there}}, did my last note reach you?");
    await page.getByRole("button", { name: "Save as template" }).click();
    await expect.poll(() => page.getByText("Give the template a name.").count()).toBe(1);
    await page.getByLabel("Template name").fill("Follow-up nudge");
    await page.getByRole("button", { name: "Save as template" }).click();
    await expect.poll(() => page.getByText("Saved as “Follow-up nudge”.").count()).toBe(1);
    await page.getByLabel("Sequence", { exact: true }).selectOption({ label: "Warehouse outbound" });
    await page.getByRole("button", { name: "Add to sequence" }).click();
    await expect.poll(() => page.getByText("Added as step 4 of “Warehouse outbound”.").count()).toBe(1);
    await screenshot(page, "composer-keep-for-later");
    await page.getByRole("link", { name: "Open the sequence" }).click();
    await page.waitForURL(new RegExp(`/${team}/sequences/[0-9a-f-]{36}`));
    expect(await step(page, 4).getByLabel("Body").inputValue()).toBe("Hi {{first_name|there}}, did my last note reach you?");
    await context.close();
  });
});
