import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, linkFromOutbox, newPage, screenshot, signInThroughOutbox } from "./support/browser";

const SECTIONS = ["Dashboard", "Compose", "Leads", "Templates", "Sequences", "Campaigns", "Inbox", "Analytics", "Mailboxes", "Team", "Jobs", "Settings"];
const uniqueEmail = (who: string) => `${who}-${randomBytes(3).toString("hex")}@example.com`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("sign-in, teams and isolation", () => {
  const owner = uniqueEmail("owner");
  const colleague = uniqueEmail("colleague");
  let ownerTeam = "";

  it("sends an anonymous visitor to sign-in and signs them up through the local outbox into a personal team", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/leads-of-nobody/dashboard");
    expect(new URL(page.url()).pathname).toBe("/sign-in");

    ownerTeam = await signInThroughOutbox(page, owner);
    expect(page.url()).toBe(`${baseURL()}/${ownerTeam}/dashboard`);
    await expect.poll(() => page.getByTestId("signed-in-as").textContent()).toBe(owner);
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    for (const section of SECTIONS) {
      expect(await nav.getByRole("link", { name: section, exact: true }).count(), section).toBe(1);
    }
    expect(await page.getByTestId("stat-members").textContent()).toBe("1");
    await screenshot(page, "dashboard-desktop");

    await page.getByRole("link", { name: "Leads", exact: true }).first().click();
    await page.waitForURL(`**/${ownerTeam}/leads`);
    expect(await page.getByText("No leads yet").count()).toBe(1);
    await context.close();
  });

  it("lets the owner invite a colleague who signs in, accepts and sees the team", async () => {
    const { context, page } = await newPage(browser);
    await signInThroughOutbox(page, owner);
    await page.goto(`/${ownerTeam}/team`);
    await page.getByLabel("Email").fill(colleague);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain(`Invitation sent to ${colleague}`);
    await expect.poll(() => page.getByTestId("invitation-row").count()).toBe(1);
    await context.close();

    const second = await newPage(browser);
    const invite = await linkFromOutbox(second.page, colleague, "Join");
    expect(new URL(invite).pathname).toMatch(/^\/invite\//);
    await second.page.goto(invite);
    expect(new URL(second.page.url()).pathname).toBe("/sign-in");
    const landed = await signInThroughOutbox(second.page, colleague, new URL(invite).pathname);
    expect(landed).toBe("invite");
    await second.page.getByRole("button", { name: "Accept invitation" }).click();
    await second.page.waitForURL(`**/${ownerTeam}/dashboard`);
    await second.page.goto(`/${ownerTeam}/team`);
    const rows = second.page.getByTestId("member-row");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: owner }).count()).toBe(1);
    expect(await rows.filter({ hasText: colleague }).count()).toBe(1);
    // A member cannot invite.
    expect(await second.page.getByRole("button", { name: "Send invitation" }).count()).toBe(0);
    await screenshot(second.page, "team-as-member");
    await second.context.close();
  });

  it("answers 404 when a member of another team opens this team's URLs", async () => {
    const { context, page } = await newPage(browser);
    const otherTeam = await signInThroughOutbox(page, uniqueEmail("outsider"));
    expect(otherTeam).not.toBe(ownerTeam);
    for (const path of [`/${ownerTeam}/dashboard`, `/${ownerTeam}/team`, `/${ownerTeam}/settings`, `/${ownerTeam}/outbox`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(await page.getByRole("heading", { name: "Not found" }).count(), path).toBe(1);
    }
    const api = await page.request.get(`/api/teams/${ownerTeam}/members`);
    expect(api.status()).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "not_found", message: "That team was not found." } });
    const own = await page.request.get(`/api/teams/${otherTeam}/members`);
    expect(own.status()).toBe(200);
    expect((await own.json()).members).toHaveLength(1);
    await context.close();
  });

  it("works on a phone-sized screen through the menu", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    const team = await signInThroughOutbox(page, owner);
    await page.getByRole("button", { name: "Open navigation" }).click();
    await page.getByRole("dialog").getByRole("link", { name: "Settings", exact: true }).click();
    await page.waitForURL(`**/${team}/settings`);
    await page.getByLabel("Postal address").fill("Acme Inc., 1 Market St, San Francisco, CA 94105");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved.");
    await screenshot(page, "settings-phone");
    await context.close();
  });
});
