import { expect, expectAccessible, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });

async function fillLetter(page: Page, title: string, body: string) {
  await label(page, "Title (subject line)").fill(title);
  await label(page, "Recipient block").fill("M. Étienne DUMONTEL\nPresident of the Republic\n1000 Capital City");
  await label(page, "Place line").fill("Brussels, Baku,");
  await label(page, "Letter date").fill("2026-11-20");
  await label(page, "Salutation").fill("Dear President,");
  await label(page, "Letter text").fill(body);
  await label(page, "Closing").fill("Yours faithfully,");
}

test("a coordinator writes an appeal, fixes bad input without losing it, previews, publishes and closes it", async ({ page, signIn, hook }) => {
  const me = await signIn();
  const other = await hook<{ slug: string }>("create-appeal", {});
  await page.goto("/dashboard");
  await expect(page.getByText("You do not coordinate any appeal yet.")).toBeVisible();
  await page.getByRole("link", { name: "New appeal" }).click();
  await expect(page.getByRole("heading", { name: "New appeal" })).toBeVisible();
  await expectAccessible(page);

  // Every mistake at once: the form says what is wrong next to each field and keeps the rest.
  await fillLetter(page, "", "We call on you to **act now**.");
  await label(page, "Web address").fill("Not A Slug!");
  await label(page, "Language").fill("xx-nonsense");
  await label(page, "Deadline").fill("2020-01-01T12:00");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Give the appeal a title")).toBeVisible();
  await expect(page.getByText("Use at least 3 lower-case letters")).toBeVisible();
  await expect(page.getByText("This is not a language tag we know")).toBeVisible();
  await expect(page.getByText("The deadline must be in the future.")).toBeVisible();
  await expect(label(page, "Title (subject line)")).toHaveAttribute("aria-invalid", "true");
  await expect(label(page, "Letter text")).toHaveValue("We call on you to **act now**.");
  await expect(label(page, "Recipient block")).toHaveValue("M. Étienne DUMONTEL\nPresident of the Republic\n1000 Capital City");
  await expect(label(page, "Web address")).toHaveValue("Not A Slug!");
  await expectAccessible(page);

  // A slug another appeal already uses.
  const title = `Open letter: Free the reporters ${Date.now()}`;
  await label(page, "Title (subject line)").fill(title);
  await label(page, "Web address").fill(other.slug);
  await label(page, "Language").fill("fr");
  await label(page, "Deadline").fill("2099-06-30T18:00");
  await label(page, "Time zone of the deadline").selectOption("Europe/Paris");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Another appeal already uses this address.")).toBeVisible();
  await expect(label(page, "Title (subject line)")).toHaveValue(title);

  const slug = `free-the-reporters-${Date.now()}`;
  await label(page, "Web address").fill(slug);
  await label(page, "Summary").fill("Coalition letter asking for the release of reporters.");
  await label(page, "Organised by").fill("Reporters Aid\nCivic Freedoms Watch");
  await label(page, "A coordinator approves each signature before it is public").check();
  await label(page, "Anyone may download the signed letter as a PDF").check();
  await label(page, "Drawn signature").selectOption("REQUIRED");
  await page.getByRole("button", { name: "Save and preview" }).click();

  await expect(page.getByRole("heading", { name: "Preview of the letter" })).toBeVisible();
  const sheet = page.locator("article");
  await expect(sheet.getByText("Dear President,")).toBeVisible();
  await expect(sheet.locator("strong", { hasText: "act now" })).toBeVisible();
  await expect(sheet.getByText("20 novembre 2026")).toBeVisible();
  await expect(sheet).toHaveAttribute("lang", "fr");
  await expectAccessible(page);

  // Drafts are invisible to the public.
  const anonymous = await page.context().browser()!.newContext();
  expect((await (await anonymous.newPage()).goto(`/a/${slug}`))?.status()).toBe(404);

  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the appeal is open for signatures.")).toBeVisible();
  await expect(page.getByText(/Text version 1, SHA-256/)).toBeVisible();

  const publicPage = await anonymous.newPage();
  await publicPage.goto(`/a/${slug}`);
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeAttached();
  await expect(publicPage.getByText("Dear President,")).toBeVisible();
  await expect(publicPage.getByText("Organised by Reporters Aid, Civic Freedoms Watch.")).toBeVisible();

  await page.getByRole("button", { name: "Close signing" }).click();
  await expect(page.getByText("Closed: the appeal no longer accepts signatures.")).toBeVisible();
  await publicPage.reload();
  await expect(publicPage.getByText(/This appeal is closed/)).toBeVisible();

  await page.getByRole("button", { name: "Reopen signing" }).click();
  await expect(page.getByText("Reopened: the appeal accepts signatures again.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByText("Open for signatures")).toBeVisible();
  expect(me.email).toContain("@");
  await anonymous.close();
});

test("the letter's Markdown renders lists, emphasis and safe links; raw HTML is refused beside the field", async ({ page, signIn, hook }) => {
  const me = await signIn();
  const appeal = await hook<{ id: string }>("create-appeal", { ownerEmail: me.email });
  await page.goto(`/dashboard/appeals/${appeal.id}/edit`);
  const markdown = [
    "We ask you to:",
    "",
    "1. release the *detained*;",
    "2. end **all** prosecutions.",
    "",
    "- first point",
    "- second point",
    "",
    "Read [the report](https://example.org/report) and [this](javascript:alert(1)).",
  ];
  // HTML would be hashed and signed but never printed: the editor refuses it and keeps the text.
  const withHtml = [...markdown, "", "<script>window.__pwned = true</script>", "", '<img src=x onerror="window.__pwned = true">'].join("\n");
  await label(page, "Letter text").fill(withHtml);
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page.getByText("HTML is not allowed; use Markdown")).toBeVisible();
  await expect(label(page, "Letter text")).toHaveAttribute("aria-invalid", "true");
  await expect(label(page, "Letter text")).toHaveValue(withHtml);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

  await label(page, "Letter text").fill(markdown.join("\n"));
  await page.getByRole("button", { name: "Save and preview" }).click();
  const sheet = page.locator("article");
  await expect(sheet.locator("ol > li")).toHaveCount(2);
  await expect(sheet.locator("ul > li")).toHaveCount(2);
  await expect(sheet.locator("em", { hasText: "detained" })).toBeVisible();
  await expect(sheet.locator("strong", { hasText: "all" })).toBeVisible();
  const link = sheet.getByRole("link", { name: "the report" });
  await expect(link).toHaveAttribute("href", "https://example.org/report");
  await expect(link).toHaveAttribute("rel", "noopener nofollow");
  await expect(sheet.getByRole("link", { name: "this" })).toHaveCount(0);
  await expect(sheet.locator("script, img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
});

test("editing the text after signatures asks first, makes version 2 and the public page says so", async ({ page, signIn, hook }) => {
  const me = await signIn();
  const appeal = await hook<{ id: string; slug: string; title: string }>("create-appeal", { ownerEmail: me.email });
  await page.goto(`/dashboard/appeals/${appeal.id}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/Text version 1/)).toBeVisible();
  await hook("create-signature", { appealId: appeal.id, name: "Ana Signer" });

  await page.goto(`/dashboard/appeals/${appeal.id}/edit`);
  await expect(page.getByText(/1 person has signed version 1/)).toBeVisible();
  await label(page, "Letter text").fill("We, the undersigned, call on you to act without delay.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Tick the box to save anyway/)).toBeVisible();
  await expect(label(page, "Letter text")).toHaveValue("We, the undersigned, call on you to act without delay.");
  let state = await hook<{ versions: unknown[]; body: string }>("get-appeal", { appealId: appeal.id });
  expect(state.versions).toHaveLength(1);

  await label(page, "I understand: save the changed text as a new version").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. The text is now version 2.")).toBeVisible();
  state = await hook("get-appeal", { appealId: appeal.id });
  expect(state.versions).toHaveLength(2);

  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText(/The text of this letter was changed on .* \(version 2\)/)).toBeVisible();
  await expect(page.getByText("call on you to act without delay")).toBeVisible();
});

test("an editor can edit but not delete; a non-member gets 404 everywhere, even calling the action directly", async ({ page, browser, signIn, hook, uniqueEmail }) => {
  const owner = await signIn();
  const appeal = await hook<{ id: string; slug: string; title: string }>("create-appeal", { ownerEmail: owner.email });

  const editorEmail = uniqueEmail("editor");
  await hook("add-member", { appealId: appeal.id, email: editorEmail, role: "EDITOR" });
  const editorContext = await browser.newContext();
  const session = await hook<{ sessionToken: string }>("create-session", { email: editorEmail });
  await editorContext.addCookies([{ name: "next-auth.session-token", value: session.sessionToken, url: "http://localhost:3100" }]);
  const editor = await editorContext.newPage();
  await editor.goto(`/dashboard/appeals/${appeal.id}`);
  await expect(editor.getByText("You are an editor.")).toBeVisible();
  await expect(editor.getByText("Delete this appeal")).toHaveCount(0);
  await editor.goto(`/dashboard/appeals/${appeal.id}/edit`);
  await label(editor, "Title (subject line)").fill(`${appeal.title} (edited)`);
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Saved.")).toBeVisible();

  // A stranger who owns another appeal: every page of this one is 404, and its forms' actions
  // pointed at this appeal change nothing.
  const strangerEmail = uniqueEmail("stranger");
  const strangerContext = await browser.newContext();
  const s = await hook<{ sessionToken: string }>("create-session", { email: strangerEmail });
  await strangerContext.addCookies([{ name: "next-auth.session-token", value: s.sessionToken, url: "http://localhost:3100" }]);
  const own = await hook<{ id: string }>("create-appeal", { ownerEmail: strangerEmail });
  const stranger = await strangerContext.newPage();
  for (const path of ["", "/edit", "/preview", "/members", "/audit"]) {
    const res = await stranger.goto(`/dashboard/appeals/${appeal.id}${path}`);
    expect(res?.status(), path).toBe(404);
  }
  await stranger.goto(`/dashboard/appeals/${own.id}/edit`);
  await stranger.locator('input[name="appealId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), appeal.id);
  await label(stranger, "Title (subject line)").fill("Hijacked");
  await stranger.getByRole("button", { name: "Save changes" }).click();
  await expect(stranger.getByText(/Page not found/i).first()).toBeVisible();

  await stranger.goto(`/dashboard/appeals/${own.id}`);
  await stranger.locator('details.danger-zone summary').click();
  await stranger.locator('form:has(input[name="op"][value="delete"]) input[name="appealId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), appeal.id);
  await stranger.getByLabel(/Delete the appeal with its signatures/).check();
  await stranger.getByRole("button", { name: "Delete appeal" }).click();
  await expect(stranger.getByText(/Page not found/i).first()).toBeVisible();

  const after = await hook<{ title: string }>("get-appeal", { appealId: appeal.id });
  expect(after.title).toBe(`${appeal.title} (edited)`);
  await editorContext.close();
  await strangerContext.close();
});

test("an appeal whose deadline passes closes by itself", async ({ page, signIn, hook }) => {
  const me = await signIn();
  const appeal = await hook<{ id: string; slug: string }>("create-appeal", { ownerEmail: me.email });
  await page.goto(`/dashboard/appeals/${appeal.id}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the appeal is open for signatures.")).toBeVisible();
  await hook("set-deadline", { appealId: appeal.id, deadline: new Date(Date.now() - 1000).toISOString() });
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText(/This appeal is closed/)).toBeVisible();
  await page.goto(`/dashboard/appeals/${appeal.id}`);
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();

  // The stored deadline is past, yet other settings still save: only a new or moved deadline must lie ahead.
  await page.goto(`/dashboard/appeals/${appeal.id}/edit`);
  await label(page, "Anyone may download the signed letter as a PDF").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto(`/dashboard/appeals/${appeal.id}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "Changed the settings" })).toBeVisible();
});
