import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, firstLink, test } from "./support/fixtures";
import { E2E } from "./support/ports";

type Hook = <T>(name: string, body?: unknown) => Promise<T>;
interface CreatedAppeal {
  id: string;
  slug: string;
  title: string;
}

const url = (path: string) => `${E2E.appUrl}${path}`;
const membersPath = (id: string) => `/dashboard/appeals/${id}/members`;
const auditPath = (id: string) => `/dashboard/appeals/${id}/audit`;

/** A second browser context signed in as `email` (created if new), for a second person in one test. */
async function contextAs(browser: Browser, hook: Hook, email: string): Promise<BrowserContext> {
  const session = await hook<{ sessionToken: string }>("create-session", { email });
  const context = await browser.newContext();
  await context.addCookies([
    { name: "next-auth.session-token", value: session.sessionToken, url: E2E.appUrl, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "horizontal scrolling").toBeLessThanOrEqual(0);
}

const memberItem = (page: Page, email: string) => page.getByRole("listitem").filter({ hasText: email });
const inviteForm = (page: Page) => page.getByRole("form", { name: "Invite a co-coordinator" });

async function invite(page: Page, email: string) {
  const form = inviteForm(page);
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
}

test("the owner invites a co-coordinator, who signs in from the email and lands on the appeal; removing them locks them out", async ({
  page,
  browser,
  signIn,
  hook,
  mail,
  uniqueEmail,
}) => {
  const owner = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: owner.email });
  const invitee = uniqueEmail("invitee");

  await page.goto(membersPath(appeal.id));
  await expect(page.getByRole("heading", { level: 1, name: "Coordinators" })).toBeVisible();
  await expect(page.getByRole("link", { name: appeal.title, exact: true })).toHaveAttribute("href", `/dashboard/appeals/${appeal.id}`);
  await expect(memberItem(page, owner.email)).toContainText("Owner");
  await invite(page, invitee);
  await expect(memberItem(page, invitee)).toContainText("Editor");
  await expect(memberItem(page, invitee)).toContainText("Invited, not signed in yet");
  await expect(inviteForm(page).getByLabel("Email address")).toHaveValue("");

  const message = await mail.waitFor(invitee, { subject: /invit/i });
  expect(message.text).toContain(appeal.title);
  expect(message.text).toContain(owner.email);

  // The invitee opens the link in their own browser: signed in, on the appeal's page.
  const inviteeContext = await browser.newContext();
  const inviteePage = await inviteeContext.newPage();
  await inviteePage.goto(firstLink(message));
  await expect(inviteePage).toHaveURL(url(`/dashboard/appeals/${appeal.id}`));
  await expect(inviteePage.getByRole("heading", { level: 1, name: appeal.title })).toBeVisible();

  // The owner now sees them as a signed-in editor.
  await page.reload();
  await expect(memberItem(page, invitee)).toContainText("Editor");
  await expect(memberItem(page, invitee)).not.toContainText("Invited, not signed in yet");

  // An editor sees the list, but no invite form and no controls over others.
  await inviteePage.goto(url(membersPath(appeal.id)));
  await expect(inviteePage.getByRole("heading", { level: 1, name: "Coordinators" })).toBeVisible();
  await expect(memberItem(inviteePage, owner.email)).toContainText("Owner");
  await expect(inviteForm(inviteePage)).toHaveCount(0);
  await expect(inviteePage.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(inviteePage.getByRole("button", { name: /^Make owner/ })).toHaveCount(0);
  await expect(inviteePage.getByRole("button", { name: "Leave this appeal" })).toBeVisible();
  await expectAccessible(inviteePage);

  // The audit log records the invitation, by whom.
  await page.goto(auditPath(appeal.id));
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const invitedRow = page.getByRole("row").filter({ hasText: `Invited ${invitee} as editor` });
  await expect(invitedRow).toContainText(owner.email);
  await expect(invitedRow).toContainText("UTC");

  // The owner removes the editor, who then finds neither page.
  await page.goto(membersPath(appeal.id));
  await page.getByRole("button", { name: `Remove ${invitee}` }).click();
  await expect(page.getByText(`${invitee} is no longer a coordinator of this appeal.`)).toBeVisible();
  await expect(memberItem(page, invitee)).toHaveCount(0);
  for (const path of [membersPath(appeal.id), auditPath(appeal.id)]) {
    const response = await inviteePage.goto(url(path));
    expect(response?.status(), path).toBe(404);
  }
  await page.goto(auditPath(appeal.id));
  await expect(page.getByRole("row").filter({ hasText: `Removed ${invitee}` })).toBeVisible();
  await inviteeContext.close();
});

test("an invitation to a current coordinator is refused with a message next to the field", async ({ page, signIn, hook }) => {
  const owner = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: owner.email });
  await page.goto(membersPath(appeal.id));
  const field = inviteForm(page).getByLabel("Email address");
  await field.fill(owner.email.toUpperCase());
  await inviteForm(page).getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("This person is already a coordinator of this appeal.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(owner.email.toUpperCase());

  await field.fill("not-an-address");
  await inviteForm(page).getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
});

test("an editor can leave the appeal and then no longer sees it", async ({ page, signIn, hook, uniqueEmail }) => {
  const ownerEmail = uniqueEmail("owner");
  await hook("create-session", { email: ownerEmail });
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail });
  const editor = await signIn();
  await hook("add-member", { appealId: appeal.id, email: editor.email, role: "EDITOR" });

  await page.goto(membersPath(appeal.id));
  await expect(memberItem(page, editor.email)).toContainText("(you)");
  await page.getByRole("button", { name: "Leave this appeal" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const response = await page.goto(membersPath(appeal.id));
  expect(response?.status()).toBe(404);
});

test("a non-member gets 404 on the members and audit pages", async ({ page, signIn, hook, uniqueEmail }) => {
  const ownerEmail = uniqueEmail("owner");
  await hook("create-session", { email: ownerEmail });
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail });
  const stranger = await signIn();
  await hook("create-appeal", { ownerEmail: stranger.email });
  for (const path of [membersPath(appeal.id), auditPath(appeal.id), membersPath("no-such-appeal"), auditPath("no-such-appeal")]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("a non-member cannot invite by pointing the invite form's hidden appeal id at someone else's appeal", async ({
  page,
  browser,
  signIn,
  hook,
  mail,
  uniqueEmail,
}) => {
  const ownerA = uniqueEmail("owner-a");
  const contextA = await contextAs(browser, hook, ownerA);
  const appealA = await hook<CreatedAppeal>("create-appeal", { ownerEmail: ownerA });

  const userB = await signIn();
  const appealB = await hook<CreatedAppeal>("create-appeal", { ownerEmail: userB.email });
  await page.goto(membersPath(appealB.id));
  await expect(page.getByRole("heading", { level: 1, name: "Coordinators" })).toBeVisible();
  // Let the page hydrate, so that nothing re-renders the field after we change it.
  await page.waitForLoadState("networkidle");

  const intruder = uniqueEmail("intruder");
  const form = inviteForm(page);
  await form.getByLabel("Email address").fill(intruder);
  const hidden = form.locator('input[name="appealId"]');
  await hidden.evaluate((input, id) => {
    (input as HTMLInputElement).value = id;
  }, appealA.id);
  await expect(hidden).toHaveValue(appealA.id);

  const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === membersPath(appealB.id));
  await form.getByRole("button", { name: "Send invitation" }).click();
  expect((await response).status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Coordinators" })).toHaveCount(0);
  await expect(page.getByText(`Invitation sent to ${intruder}`)).toHaveCount(0);

  // A's coordinators are unchanged: still only A.
  const pageA = await contextA.newPage();
  await pageA.goto(url(membersPath(appealA.id)));
  await expect(pageA.getByRole("heading", { level: 1, name: "Coordinators" })).toBeVisible();
  await expect(memberItem(pageA, ownerA)).toContainText("Owner");
  await expect(pageA.getByRole("listitem")).toHaveCount(1);
  await expect(memberItem(pageA, intruder)).toHaveCount(0);
  expect(await mail.count(intruder)).toBe(0);
  await contextA.close();
});

test("the owner hands over ownership after confirming, and becomes an editor", async ({ page, signIn, hook, uniqueEmail }) => {
  const owner = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: owner.email });
  const editor = uniqueEmail("editor");
  await hook("add-member", { appealId: appeal.id, email: editor, role: "EDITOR" });

  await page.goto(membersPath(appeal.id));
  await page.getByRole("button", { name: `Make owner ${editor}` }).click();
  const confirm = page.getByRole("button", { name: "Yes, hand over ownership" });
  await expect(confirm).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Make owner ${editor}` })).toBeFocused();

  await page.getByRole("button", { name: `Make owner ${editor}` }).click();
  await expect(page.getByText(`Make ${editor} the owner of this appeal?`)).toBeVisible();
  await page.getByRole("button", { name: "Yes, hand over ownership" }).click();
  await expect(page.getByText(`${editor} now owns this appeal. You are an editor.`)).toBeVisible();
  await expect(memberItem(page, editor)).toContainText("Owner");
  await expect(memberItem(page, owner.email)).toContainText("Editor");
  await expect(inviteForm(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Leave this appeal" })).toBeVisible();

  await page.goto(auditPath(appeal.id));
  await expect(page.getByRole("row").filter({ hasText: `Made ${editor} the owner` })).toBeVisible();
});

for (const width of [1280, 390]) {
  test(`the members and audit pages are accessible and fit ${width} px`, async ({ page, signIn, hook, uniqueEmail }) => {
    const owner = await signIn();
    const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: owner.email });
    await page.setViewportSize({ width, height: 900 });

    await page.goto(membersPath(appeal.id));
    await invite(page, uniqueEmail("averylonginviteeaddresswithoutanyhyphens"));
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole("button", { name: /^Make owner/ }).click();
    await expect(page.getByRole("button", { name: "Yes, hand over ownership" })).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `e2e/.artifacts/screens/members-${width}.png`, fullPage: true });

    await page.goto(auditPath(appeal.id));
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: /Invited .+ as editor/ })).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `e2e/.artifacts/screens/audit-${width}.png`, fullPage: true });
  });
}
