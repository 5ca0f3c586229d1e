import { expect, expectAccessible, firstLink, test } from "./support/fixtures";

test("a new coordinator signs in with a magic link, reaches the dashboard and signs out", async ({ page, mail, uniqueEmail }) => {
  const email = uniqueEmail("new-coordinator");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expectAccessible(page);

  const message = await mail.waitFor(email, { subject: /sign-in link/ });
  await page.goto(firstLink(message));
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Your appeals" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByText("You do not coordinate any appeal yet.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the sign-in form explains a malformed address and keeps it", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
});

test("a sign-in link works once: reusing it shows a clear page", async ({ page, browser, mail, uniqueEmail }) => {
  const email = uniqueEmail("reuse");
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const link = firstLink(await mail.waitFor(email, { subject: /sign-in link/ }));
  await page.goto(link);
  await expect(page).toHaveURL(/\/dashboard$/);

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByRole("heading", { name: "This sign-in link can no longer be used" })).toBeVisible();
  await expect(second.getByRole("link", { name: "Request a new sign-in link" })).toBeVisible();
  await expectAccessible(second);
  await other.close();
});

test("an expired sign-in link is refused with a clear page", async ({ page, mail, hook, uniqueEmail }) => {
  const email = uniqueEmail("expired");
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const link = firstLink(await mail.waitFor(email, { subject: /sign-in link/ }));
  await hook("expire-sign-in-links", { email });
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This sign-in link can no longer be used" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
