import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
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

describe("leads", () => {
  const owner = uniqueEmail("leads-owner");
  const leadEmail = `ada-${randomBytes(3).toString("hex")}@analytical.example`;
  let team = "";
  let leadPath = "";

  it("adds leads by hand with field errors, searches, filters and tags them", async () => {
    const { context, page } = await newPage(browser);
    team = await signInThroughOutbox(page, owner);
    await page.goto(`/${team}/leads`);
    expect(await page.getByText("No leads yet").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Import CSV" }).first().getAttribute("href")).toBe(`/${team}/leads/import`);

    await page.getByRole("button", { name: "Add lead" }).click();
    await page.getByLabel("Email").fill("not an address");
    await page.getByLabel("Website").fill("::nope::");
    await page.getByRole("button", { name: "Save lead" }).click();
    await expect.poll(() => page.getByText("Enter a valid email address, like ada@acme.com.").count()).toBe(1);
    await page.getByLabel("Email").fill(leadEmail.toUpperCase());
    await page.getByLabel("Website").fill("");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("Company").fill("Analytical Engines");
    await page.getByLabel("Tags").fill("vip, q3");
    await page.getByRole("button", { name: "Save lead" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Added" }).textContent()).toContain(leadEmail);

    await page.getByRole("button", { name: "Add lead" }).click();
    await page.getByLabel("Email").fill(`grace-${randomBytes(3).toString("hex")}@navy.example`);
    await page.getByLabel("First name").fill("Grace");
    await page.getByRole("button", { name: "Save lead" }).click();
    await expect.poll(() => page.getByTestId("lead-row").count()).toBe(2);

    await page.getByLabel("Search").fill("lovel");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/q=lovel/);
    await expect.poll(() => page.getByTestId("lead-row").count()).toBe(1);
    expect(await page.getByTestId("lead-row").textContent()).toContain(leadEmail);
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe(`/api/teams/${team}/leads/export?q=lovel`);

    await page.goto(`/${team}/leads`);
    await page.getByRole("checkbox", { name: "Select all leads on this page" }).click();
    await page.getByLabel("Tag for selected leads").fill("webinar");
    await page.getByRole("button", { name: "Add tag", exact: true }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Tagged" }).textContent()).toContain("Tagged 2 leads");
    await page.goto(`/${team}/leads?tag=webinar`);
    await expect.poll(() => page.getByTestId("lead-row").count()).toBe(2);
    await screenshot(page, "leads-list");

    const csv = await page.request.get(`/api/teams/${team}/leads/export?tag=vip`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename=".*-leads-/);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toMatch(/^email,first_name,last_name,company/);
    expect(text).toContain(`${leadEmail},Ada,Lovelace,Analytical Engines`);
    expect(text).not.toContain("Grace");

    await page.getByRole("link", { name: leadEmail }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    leadPath = new URL(page.url()).pathname;
    await context.close();
  });

  it("edits the lead, manages facts, runs research and downloads its data", async () => {
    const { context, page } = await newPage(browser);
    await signInThroughOutbox(page, owner);
    await page.goto(leadPath);
    await page.getByLabel("Time zone").fill("Mars/Olympus");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByText("Use a time zone name like Europe/Berlin or America/New_York.").count()).toBe(1);
    await page.getByLabel("Time zone").fill("Europe/London");
    await page.getByLabel("Job title").fill("Analyst");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved." }).count()).toBe(1);

    await page.getByLabel("New fact").fill("Ada published notes on the Analytical Engine");
    await page.getByLabel("Source URL").fill("https://en.wikipedia.org/wiki/Ada_Lovelace");
    await page.getByRole("button", { name: "Add fact" }).click();
    await expect.poll(() => page.getByTestId("research-fact").count()).toBe(1);
    await page.getByRole("button", { name: /^Edit fact/ }).click();
    await page.getByLabel("Claim").fill("Ada wrote the first published algorithm");
    await page.getByRole("button", { name: "Save fact" }).click();
    await expect.poll(() => page.getByTestId("research-fact").textContent()).toContain("Ada wrote the first published algorithm");

    // No network here: the company site cannot be fetched, and the panel says so once the job has run.
    await page.getByRole("button", { name: "Research now" }).click();
    await expect.poll(() => page.getByTestId("research-status").textContent(), { timeout: 45_000 }).toBe("Failed");
    expect(await page.getByText("analytical.example").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("research-fact").count()).toBe(1);

    await page.getByRole("button", { name: "Mark as replied" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Marked as replied; 0 campaign enrolment(s) stopped." }).count()).toBe(1);
    await screenshot(page, "lead-page");

    const leadId = leadPath.split("/").pop();
    const json = await page.request.get(`/api/teams/${team}/leads/${leadId}/export`);
    expect(json.status()).toBe(200);
    expect(json.headers()["content-disposition"]).toBe(`attachment; filename="lead-${leadId}.json"`);
    const data = await json.json();
    expect(data.lead).toMatchObject({ email: leadEmail, timezone: "Europe/London", title: "Analyst" });
    expect(data.research.facts[0].claim).toBe("Ada wrote the first published algorithm");
    await context.close();
  });

  it("answers 404 to another team for the lead page and both exports", async () => {
    const { context, page } = await newPage(browser);
    const otherTeam = await signInThroughOutbox(page, uniqueEmail("leads-outsider"));
    const leadId = leadPath.split("/").pop();
    expect((await page.goto(leadPath))?.status()).toBe(404);
    expect((await page.goto(`/${otherTeam}/leads/${leadId}`))?.status()).toBe(404);
    const mine = await page.request.get(`/api/teams/${otherTeam}/leads/${leadId}/export`);
    expect(mine.status()).toBe(404);
    expect(await mine.json()).toEqual({ error: { code: "not_found", message: "That lead was not found." } });
    expect((await page.request.get(`/api/teams/${team}/leads/${leadId}/export`)).status()).toBe(404);
    expect((await page.request.get(`/api/teams/${team}/leads/export`)).status()).toBe(404);
    const ownCsv = await (await page.request.get(`/api/teams/${otherTeam}/leads/export`)).text();
    expect(ownCsv).not.toContain(leadEmail);
    await context.close();
  });

  it("erases the lead after a confirmation and keeps its address blocked", async () => {
    const { context, page } = await newPage(browser);
    await signInThroughOutbox(page, owner);
    await page.goto(leadPath);
    await page.getByRole("button", { name: "Erase lead" }).click();
    expect(await page.getByRole("alertdialog").textContent()).toContain("stays blocked");
    await page.getByRole("button", { name: "Erase permanently" }).click();
    await page.waitForURL(/\/leads\?erased=1$/);
    expect(await page.getByText("The lead was erased.").count()).toBe(1);
    await expect.poll(() => page.getByTestId("lead-row").count()).toBe(1);

    await page.getByRole("button", { name: "Add lead" }).click();
    await page.getByLabel("Email").fill(leadEmail);
    await page.getByRole("button", { name: "Save lead" }).click();
    await expect.poll(() => page.getByText(/on the team's suppression list/).count()).toBeGreaterThan(0);
    expect((await page.goto(leadPath))?.status()).toBe(404);
    await context.close();
  });
});
