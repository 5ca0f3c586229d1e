import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, firstLink, test } from "./support/fixtures";
import { E2E } from "./support/ports";

type Hook = <T>(name: string, body?: unknown) => Promise<T>;
interface CreatedAppeal {
  id: string;
  slug: string;
  title: string;
}
interface SignatureRow {
  id: string;
  status: string;
  name: string;
}

const url = (path: string) => `${E2E.appUrl}${path}`;
const queuePath = (id: string) => `/dashboard/appeals/${id}/signatures`;
const csvPath = (id: string) => `/dashboard/appeals/${id}/signatures.csv`;
const BOM = [0xef, 0xbb, 0xbf];

async function contextAs(browser: Browser, hook: Hook, email: string): Promise<BrowserContext> {
  const session = await hook<{ sessionToken: string }>("create-session", { email });
  const context = await browser.newContext();
  await context.addCookies([
    { name: "next-auth.session-token", value: session.sessionToken, url: E2E.appUrl, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
}

async function expectNoHorizontalScroll(page: Page) {
  const { overflow, culprits } = await page.evaluate(() => {
    // Name the widest elements that are not inside a scrolling box, to say what to fix.
    const clipped = (el: Element) => {
      // An absolutely positioned box escapes a scrolling ancestor that is not its containing block.
      if (/(absolute|fixed)/.test(getComputedStyle(el).position)) return false;
      for (let p = el.parentElement; p; p = p.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, culprits };
  });
  expect(overflow, `horizontal scrolling: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
}

const signatories = (page: Page) => page.getByRole("region", { name: /Signatories as of/ });
const row = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });
const reviewForm = (page: Page) => page.getByRole("form", { name: "Review signatures" });

test("a signature confirmed by email waits for the coordinator's approval, then appears on the public page", async ({
  page,
  browser,
  signIn,
  hook,
  mail,
  uniqueEmail,
}) => {
  const coordinator = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email, status: "OPEN", requireApproval: true, drawnSignature: "OFF" });

  // The coordinator asks for an email per signature.
  await page.goto(queuePath(appeal.id));
  await expect(page.getByRole("heading", { level: 1, name: "Signatures" })).toBeVisible();
  await page.getByLabel("An email for each new confirmed signature").check();
  await page.getByRole("button", { name: "Save my choice" }).click();
  await expect(page.getByText("You will get an email for each new confirmed signature.")).toBeVisible();

  // A signer signs and confirms through the real email flow, in their own browser.
  const signerContext = await browser.newContext();
  const signer = await signerContext.newPage();
  const email = uniqueEmail("leyla");
  await signer.goto(url(`/a/${appeal.slug}`));
  await signer.getByLabel("as an individual").check();
  await signer.getByLabel("Full name", { exact: true }).fill("Leyla Quliyeva");
  await signer.getByLabel("Role or title").fill("Journalist");
  await signer.getByLabel("Country", { exact: true }).selectOption("AZ");
  await signer.getByLabel("Email address", { exact: true }).fill(email);
  await signer.getByLabel(/I sign this letter/).check();
  await signer.getByRole("button", { name: "Sign the letter" }).click();
  await expect(signer.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const confirm = await mail.waitFor(email, { subject: /Confirm your signature/ });
  await signer.goto(firstLink(confirm));
  await expect(signer.getByRole("heading", { name: "Thank you: your signature is confirmed" })).toBeVisible();
  await expect(signer.getByText("Yours will appear on the appeal once they approve it.")).toBeVisible();

  // Confirmed, but not public yet.
  await signer.goto(url(`/a/${appeal.slug}`));
  await expect(signatories(signer)).not.toContainText("Leyla Quliyeva");
  const notice = await mail.waitFor(coordinator.email, { subject: /New signature to review/ });
  expect(notice.text).not.toContain("Leyla");
  expect(notice.text).not.toContain(email);

  // The queue opens on what awaits review.
  await page.goto(queuePath(appeal.id));
  await expect(page.getByRole("link", { name: "Awaiting review (1)" })).toHaveAttribute("aria-current", "page");
  const leyla = row(page, "Leyla Quliyeva");
  await expect(leyla).toContainText("Journalist");
  await expect(leyla).toContainText("Azerbaijan");
  await expect(leyla).toContainText("Awaiting review");
  await expect(page.locator("body")).not.toContainText(email);
  await expectAccessible(page);
  await leyla.getByRole("button", { name: "Approve Leyla Quliyeva" }).click();
  await expect(page.getByText("Approved 1 signature.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Public (1)" })).toBeVisible();

  await signer.reload();
  await expect(signatories(signer)).toContainText("Leyla Quliyeva, Journalist (Azerbaijan)");
  await expect(signer.locator("body")).not.toContainText(email);
  await signerContext.close();

  await page.goto(`/dashboard/appeals/${appeal.id}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "Approved 1 signature" })).toContainText(coordinator.email);
});

test("the coordinator rejects several signatures at once, and searches the queue", async ({ page, signIn, hook }) => {
  const coordinator = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email, status: "OPEN", requireApproval: true });
  for (const [name, minutesAgo] of [["Spam One", 3], ["Spam Two", 2], ["Real Person", 1]] as const) {
    await hook("create-review-signature", { appealId: appeal.id, name, status: "PENDING_REVIEW", minutesAgo });
  }
  await hook("create-review-signature", { appealId: appeal.id, kind: "ORGANISATION", name: "Rep", organisation: "Free Mail Org", freeMail: true, status: "PENDING_REVIEW" });

  await page.goto(queuePath(appeal.id));
  await expect(row(page, "Free Mail Org")).toContainText("Free mail for an organisation");
  await page.waitForLoadState("networkidle");
  await page.getByRole("checkbox", { name: "Select Spam One" }).check();
  await page.getByRole("checkbox", { name: "Select Spam Two" }).check();
  await page.getByRole("button", { name: "Reject selected" }).click();
  await expect(page.getByText("Rejected 2 signatures.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Rejected (2)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Awaiting review (2)" })).toBeVisible();
  await expect(row(page, "Spam One")).toHaveCount(0);
  await expect(row(page, "Real Person")).toBeVisible();

  // Nothing ticked: a message, no change.
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByText("Select at least one signature.")).toBeVisible();

  await page.getByRole("link", { name: "Rejected (2)" }).click();
  await expect(row(page, "Spam One")).toContainText("Rejected");
  await page.getByLabel("Search").fill("two");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/status=REJECTED&q=two/);
  await expect(row(page, "Spam Two")).toBeVisible();
  await expect(row(page, "Spam One")).toHaveCount(0);

  const rows = await hook<SignatureRow[]>("signatures-of", { appealId: appeal.id });
  expect(Object.fromEntries(rows.map((r) => [r.name, r.status]))).toMatchObject({ "Spam One": "REJECTED", "Spam Two": "REJECTED", "Real Person": "PENDING_REVIEW" });
});

test("the coordinator corrects a typo in a name, with errors next to the field, and the public page shows the fix", async ({ page, signIn, hook }) => {
  const coordinator = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email, status: "OPEN" });
  await hook("create-review-signature", { appealId: appeal.id, name: "Jane Doo", role: "Editor", organisation: "Free Press", country: "GE" });
  await hook("create-review-signature", { appealId: appeal.id, name: "Hidden Person", organisation: "Safe Org", showName: false });

  await page.goto(queuePath(appeal.id));
  await expect(page.getByRole("link", { name: "All (2)" })).toHaveAttribute("aria-current", "page");
  await row(page, "Jane Doo").getByRole("link", { name: "Edit Jane Doo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit a signature" })).toBeVisible();
  const name = page.getByLabel("Full name");
  await name.fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Enter the signer's full name.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Role or title")).toHaveValue("Editor");
  await expectAccessible(page);
  await name.fill("Jane Doe");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. The public page and the letter show the change.")).toBeVisible();
  await expect(row(page, "Jane Doe")).toBeVisible();

  await page.goto(`/a/${appeal.slug}`);
  await expect(signatories(page)).toContainText("Jane Doe, Editor, Free Press (Georgia)");
  await expect(signatories(page)).not.toContainText("Jane Doo");
  await expect(signatories(page)).not.toContainText("Hidden Person");

  // What a signer hid stays hidden: the coordinator cannot tick it back.
  await page.goto(queuePath(appeal.id));
  await row(page, "Hidden Person").getByRole("link", { name: "Edit Hidden Person" }).click();
  await expect(page.getByLabel("Show the name")).toBeDisabled();
  await expect(page.getByText("The signer chose to hide their name. Only they can show it.")).toBeVisible();

  await page.goto(`/dashboard/appeals/${appeal.id}/audit`);
  await expect(page.getByRole("row").filter({ hasText: /Corrected a signature \(.*name.*\)/ })).toBeVisible();
});

test("the coordinator adds a signatory who signed on paper; it is public and marked as added by a coordinator", async ({ page, signIn, hook }) => {
  const coordinator = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email, status: "OPEN", requireApproval: true });
  await page.goto(queuePath(appeal.id));
  await page.getByRole("link", { name: "Add a signatory" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a signatory" })).toBeVisible();
  await page.getByLabel("An organisation").check();
  await page.getByRole("button", { name: "Add the signatory" }).click();
  await expect(page.getByText("Enter the name of the organisation that signs.")).toBeVisible();
  await expect(page.getByText("Enter the signer's full name.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Rasul Jafarov");
  await page.getByLabel("Role or title").fill("Chair");
  await page.getByLabel("Organisation", { exact: true }).fill("Human Rights Club");
  await page.getByLabel("Country", { exact: true }).selectOption("AZ");
  await page.getByLabel("Email address (optional)").fill("not-an-address");
  await page.getByRole("button", { name: "Add the signatory" }).click();
  await expect(page.getByText(/Enter a valid email address/)).toBeVisible();
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveValue("Human Rights Club");
  await page.getByLabel("Email address (optional)").fill("");
  await page.getByRole("button", { name: "Add the signatory" }).click();
  await expect(page.getByText(/Added\. The signatory is public now/)).toBeVisible();
  await expect(row(page, "Rasul Jafarov")).toContainText("Added by a coordinator");
  await expect(row(page, "Rasul Jafarov")).toContainText("Public");

  await page.goto(`/a/${appeal.slug}`);
  await expect(signatories(page)).toContainText("Rasul Jafarov, Chair, Human Rights Club (Azerbaijan)");
});

test("the coordinator orders signatories by hand with Up and Down, and the public page follows", async ({ page, signIn, hook }) => {
  const coordinator = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email, status: "OPEN" });
  for (const [organisation, minutesAgo] of [["Alpha Org", 3], ["Bravo Org", 2], ["Charlie Org", 1]] as const) {
    await hook("create-review-signature", { appealId: appeal.id, kind: "ORGANISATION", name: "Rep", organisation, minutesAgo });
  }
  const publicOrder = async () => {
    await page.goto(`/a/${appeal.slug}`);
    return page.getByRole("region", { name: "Organisations" }).getByRole("listitem").allTextContents();
  };
  expect(await publicOrder()).toEqual(["Rep, Alpha Org", "Rep, Bravo Org", "Rep, Charlie Org"]);

  await page.goto(queuePath(appeal.id));
  await page.getByLabel("In my own order").check();
  await page.getByRole("button", { name: "Save the order" }).click();
  await expect(page.getByText("The letter now lists signatories in your order.")).toBeVisible();
  const up = page.getByRole("button", { name: /move Rep, Charlie Org up/ });
  await expect(page.getByRole("button", { name: /move Rep, Alpha Org up/ })).toBeDisabled();
  await up.click();
  await expect(page.getByText("Moved up one place.")).toBeVisible();
  // The keyboard stays on the button that was pressed.
  await expect(up).toBeFocused();
  await expect(page.getByRole("region", { name: "Organisations" }).getByRole("listitem")).toHaveText([/Alpha Org/, /Charlie Org/, /Bravo Org/]);
  expect(await publicOrder()).toEqual(["Rep, Alpha Org", "Rep, Charlie Org", "Rep, Bravo Org"]);

  // Alphabetical again: by organisation.
  await page.goto(queuePath(appeal.id));
  await page.getByLabel("Alphabetically by organisation, then name").check();
  await page.getByRole("button", { name: "Save the order" }).click();
  await expect(page.getByText("The letter now lists signatories alphabetically by organisation.")).toBeVisible();
  expect(await publicOrder()).toEqual(["Rep, Alpha Org", "Rep, Bravo Org", "Rep, Charlie Org"]);
});

test("both CSV files download with a BOM; the public one has no email address and nothing hidden", async ({ page, signIn, hook, uniqueEmail }) => {
  const coordinator = await signIn();
  const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email, status: "OPEN" });
  const email = uniqueEmail("csv-signer");
  await hook("create-review-signature", { appealId: appeal.id, kind: "ORGANISATION", name: "Gizli Ad", organisation: "Şəki \"Hüquq\", MMC", country: "AZ", email, showName: false });
  await hook("create-review-signature", { appealId: appeal.id, name: "=1+1", country: "GE", showCountry: false });
  await hook("create-review-signature", { appealId: appeal.id, name: "Pending One", status: "PENDING_REVIEW" });

  await page.goto(queuePath(appeal.id));
  const [coordinatorFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "All signatures (CSV)" }).click()]);
  expect(coordinatorFile.suggestedFilename()).toMatch(new RegExp(`^${appeal.slug}-signatures-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const all = fs.readFileSync((await coordinatorFile.path())!);
  expect([...all.subarray(0, 3)]).toEqual(BOM);
  const allText = all.toString("utf8");
  expect(allText).toContain(email);
  expect(allText).toContain("Gizli Ad");
  expect(allText).toContain('"Şəki ""Hüquq"", MMC"');
  expect(allText).toContain("'=1+1");
  expect(allText).toContain("Pending One");
  expect(allText).toContain("\r\n");

  const [publicFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Public list of signatories (CSV)" }).click()]);
  expect(publicFile.suggestedFilename()).toMatch(new RegExp(`^${appeal.slug}-signatories-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const pub = fs.readFileSync((await publicFile.path())!);
  expect([...pub.subarray(0, 3)]).toEqual(BOM);
  const pubText = pub.toString("utf8");
  expect(pubText).not.toContain("@");
  for (const hidden of ["Gizli Ad", "Georgia", "Pending One"]) expect(pubText).not.toContain(hidden);
  expect(pubText).toContain('"Şəki ""Hüquq"", MMC",Azerbaijan,AZ');
  expect(pubText).toContain("'=1+1");

  // Straight from the server too, with the headers a spreadsheet needs.
  const response = await page.request.get(`/a/${appeal.slug}/signatories.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
  const draft = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email });
  expect((await page.request.get(`/a/${draft.slug}/signatories.csv`)).status()).toBe(404);
  expect((await page.request.get("/a/no-such-appeal/signatories.csv")).status()).toBe(404);
});

test("a non-member gets 404 for the queue and the coordinators' CSV, and cannot approve with a tampered appeal id", async ({
  page,
  browser,
  signIn,
  hook,
  uniqueEmail,
}) => {
  const ownerA = uniqueEmail("owner-a");
  await hook("create-session", { email: ownerA });
  const appealA = await hook<CreatedAppeal>("create-appeal", { ownerEmail: ownerA, status: "OPEN", requireApproval: true });
  const target = await hook<{ id: string }>("create-review-signature", { appealId: appealA.id, name: "Waiting In A", status: "PENDING_REVIEW" });

  const stranger = await signIn();
  const appealB = await hook<CreatedAppeal>("create-appeal", { ownerEmail: stranger.email, status: "OPEN", requireApproval: true });
  await hook("create-review-signature", { appealId: appealB.id, name: "Waiting In B", status: "PENDING_REVIEW" });

  for (const path of [queuePath(appealA.id), `${queuePath(appealA.id)}/new`, `${queuePath(appealA.id)}/${target.id}/edit`, `${queuePath(appealB.id)}/${target.id}/edit`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.request.get(csvPath(appealA.id))).status()).toBe(404);
  const anonymous = await browser.newContext();
  const anonymousResponse = await anonymous.request.get(url(csvPath(appealA.id)));
  expect(anonymousResponse.status()).toBe(404);
  expect(await anonymousResponse.text()).not.toContain("Waiting In A");
  await anonymous.close();

  // On their own queue, the stranger points the form at A's appeal and A's signature.
  await page.goto(queuePath(appealB.id));
  await expect(row(page, "Waiting In B")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const form = reviewForm(page);
  await form.locator('input[name="appealId"]').evaluate((input, id) => {
    (input as HTMLInputElement).value = id;
  }, appealA.id);
  const approve = form.getByRole("button", { name: "Approve Waiting In B" });
  await approve.evaluate((button, id) => {
    (button as HTMLButtonElement).value = id;
  }, target.id);
  const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === queuePath(appealB.id));
  await approve.click();
  expect((await response).status()).toBe(404);

  const rows = await hook<SignatureRow[]>("signatures-of", { appealId: appealA.id });
  expect(rows).toEqual([expect.objectContaining({ id: target.id, status: "PENDING_REVIEW" })]);
  const contextA = await contextAs(browser, hook, ownerA);
  const pageA = await contextA.newPage();
  await pageA.goto(url(`/dashboard/appeals/${appealA.id}/audit`));
  await expect(pageA.getByRole("row").filter({ hasText: /Approved \d+ signature/ })).toHaveCount(0);
  await contextA.close();
});

for (const width of [1280, 390]) {
  test(`the review pages are accessible and fit ${width} px`, async ({ page, signIn, hook }) => {
    const coordinator = await signIn();
    const appeal = await hook<CreatedAppeal>("create-appeal", { ownerEmail: coordinator.email, status: "OPEN", requireApproval: true });
    await hook("create-review-signature", {
      appealId: appeal.id, kind: "ORGANISATION", name: "Aysel Əhmədova-Quliyeva", role: "Executive Director",
      organisation: "Azərbaycan Mətbuat Azadlığı Uğrunda Müstəqil Jurnalistlər Birliyi", country: "AZ", domainVerified: true, minutesAgo: 5,
    });
    await hook("create-review-signature", { appealId: appeal.id, name: "Pending Person", status: "PENDING_REVIEW", showName: false, organisation: "Some Org" });
    await hook("create-review-signature", { appealId: appeal.id, kind: "ORGANISATION", name: "Rep", organisation: "Second Org", minutesAgo: 1 });
    await page.setViewportSize({ width, height: 900 });

    await page.goto(queuePath(appeal.id));
    await page.getByLabel("In my own order").check();
    await page.getByRole("button", { name: "Save the order" }).click();
    await expect(page.getByText("The letter now lists signatories in your order.")).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    const region = page.getByRole("region", { name: "Awaiting review" });
    await expect(region).toHaveAttribute("tabindex", "0");
    await page.screenshot({ path: `e2e/.artifacts/screens/review-queue-${width}.png`, fullPage: true });

    await page.getByRole("link", { name: /^All \(\d+\)$/ }).click();
    await expect(row(page, "Aysel Əhmədova-Quliyeva")).toContainText("Domain verified");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    await page.getByRole("link", { name: "Edit Aysel Əhmədova-Quliyeva" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit a signature" })).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `e2e/.artifacts/screens/review-edit-${width}.png`, fullPage: true });

    await page.goto(`${queuePath(appeal.id)}/new`);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `e2e/.artifacts/screens/review-add-${width}.png`, fullPage: true });
  });
}
