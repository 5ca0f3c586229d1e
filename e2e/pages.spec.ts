import { expect, expectAccessible, test } from "./support/fixtures";

// Every page passes axe-core and fits a phone's width; screenshots go to e2e/.artifacts for review.
const pages = [
  { name: "home", path: "/", heading: "Open letters, signed together" },
  { name: "sign-in", path: "/sign-in", heading: "Sign in to coordinate appeals" },
  { name: "check-email", path: "/sign-in/check-email", heading: "Check your inbox" },
  { name: "sign-in-error", path: "/sign-in/error?error=Verification", heading: "This sign-in link can no longer be used" },
  { name: "demo-appeal", path: "/a/release-detained-journalists", heading: /Release the journalists/ },
  { name: "demo-signatories", path: "/a/release-detained-journalists/signatories", heading: /^Signatories as of/ },
  { name: "dashboard", path: "/dashboard", heading: "Your appeals", signedIn: true },
];

for (const width of [1280, 390]) {
  for (const p of pages) {
    test(`${p.name} is accessible and fits ${width} px`, async ({ page, signIn }) => {
      if (p.signedIn) await signIn();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(p.path);
      await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeAttached();
      await expectAccessible(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "horizontal scrolling").toBeLessThanOrEqual(0);
      await page.screenshot({ path: `e2e/.artifacts/screens/${p.name}-${width}.png`, fullPage: true });
    });
  }
}

test("the demo appeal shows its letter and signatories, honouring hidden names and countries", async ({ page }) => {
  await page.goto("/a/release-detained-journalists");
  await expect(page.getByText("Dear President Dumontel,")).toBeVisible();
  await expect(page.getByText("Organised by European Centre for Civic Freedoms, Caspian Institute for Peace and Democracy.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Release, immediately and unconditionally" })).toBeVisible();
  await expect(page.getByText("Rəşad Məmmədli, Chair, Caspian Institute for Peace and Democracy (Azerbaijan)")).toBeVisible();
  // Aytən Qasımova asked not to be named; İlkin Şükürov asked to hide his country.
  await expect(page.getByText("Aytən Qasımova")).toHaveCount(0);
  await expect(page.getByText("Women Lawyers for Justice (Azerbaijan)")).toBeVisible();
  await expect(page.getByText("İlkin Şükürov, Human-rights defender", { exact: true })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("@example.org");
});

test("the full list of signatories shows every public signer, hidden names and countries left out", async ({ page }) => {
  await page.goto("/a/release-detained-journalists/signatories");
  const items = page.getByRole("listitem");
  await expect(items.filter({ hasText: "Women Lawyers for Justice (Azerbaijan)" })).toBeVisible();
  await expect(items.filter({ hasText: "İlkin Şükürov, Human-rights defender" })).toBeVisible();
  await expect(page.getByText("Aytən Qasımova")).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("@example.org");
  // Six signers fit on one page: no pager, and no second page.
  await expect(page.getByRole("navigation", { name: "Pages of signatories" })).toHaveCount(0);
  expect((await page.goto("/a/release-detained-journalists/signatories?page=2"))?.status()).toBe(404);
});

test("a draft or unknown appeal is not found", async ({ page, hook }) => {
  const draft = await hook<{ slug: string }>("create-appeal", { status: "DRAFT" });
  for (const path of [`/a/${draft.slug}`, `/a/${draft.slug}/signatories`, "/a/no-such-appeal"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});

test("the dev outbox page does not exist in a production build", async ({ page }) => {
  const response = await page.goto("/dev/outbox");
  expect(response?.status()).toBe(404);
});

for (const width of [1280, 390]) {
  test(`the coordinator's appeal pages are accessible and fit ${width} px`, async ({ page, signIn, hook }) => {
    const me = await signIn();
    const appeal = await hook<{ id: string; slug: string }>("create-appeal", { ownerEmail: me.email, status: "OPEN" });
    await hook("create-signature", { appealId: appeal.id, name: "Ana Signer" });
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of [
      ["appeal-new", "/dashboard/appeals/new"],
      ["appeal-overview", `/dashboard/appeals/${appeal.id}`],
      ["appeal-edit", `/dashboard/appeals/${appeal.id}/edit`],
      ["appeal-preview", `/dashboard/appeals/${appeal.id}/preview`],
      ["appeal-public-open", `/a/${appeal.slug}`],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeAttached();
      await expectAccessible(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name}: horizontal scrolling`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `e2e/.artifacts/screens/${name}-${width}.png`, fullPage: true });
    }
  });
}
