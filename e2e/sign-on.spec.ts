import type { Page } from "@playwright/test";
import { expect, expectAccessible, firstLink, test } from "./support/fixtures";

type Appeal = { id: string; slug: string; title: string };

async function drawSignature(page: Page) {
  const canvas = page.getByTestId("signature-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + box.width * (0.1 + i * 0.06), box.y + box.height * (i % 2 ? 0.3 : 0.7), { steps: 3 });
  }
  await page.mouse.up();
}

test("a signer signs with a drawn signature, confirms by email, appears as chosen, and withdraws", async ({ page, hook, mail, uniqueEmail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN", drawnSignature: "REQUIRED" });
  const email = uniqueEmail("Signer.Name");
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByRole("heading", { name: "Sign this letter" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("on behalf of an organisation").check();
  await page.getByLabel("Full name", { exact: true }).fill("Aysel Əhmədova");
  await page.getByLabel("Role or title").fill("Director");
  await page.getByLabel("Organisation", { exact: true }).fill("Baku Press Club");
  await page.getByLabel("Country", { exact: true }).selectOption("AZ");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Hide my country").check();
  await drawSignature(page);
  await page.getByLabel("Blue ink").check();
  await page.getByLabel(/I sign this letter/).check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  // Not public until confirmed.
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText("Aysel Əhmədova")).toHaveCount(0);

  const confirm = await mail.waitFor(email, { subject: /Confirm your signature/ });
  await page.goto(firstLink(confirm));
  await expect(page.getByRole("heading", { name: "Thank you: your signature is confirmed" })).toBeVisible();
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText("Aysel Əhmədova, Director, Baku Press Club", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /Signatories as of/ })).not.toContainText("Azerbaijan");
  await expect(page.locator("body")).not.toContainText(email);
  const [row] = await hook<{ status: string; hasImage: boolean; imageBytes: number; inkColor: string }[]>("signatures-of", { appealId: appeal.id });
  expect(row).toMatchObject({ status: "PUBLIC", hasImage: true, inkColor: "BLUE" });
  expect(row!.imageBytes).toBeLessThan(40_000);

  // The confirmation email's withdraw link opens a page; only its button withdraws.
  const confirmed = await mail.waitFor(email, { subject: /signature is confirmed/ });
  const withdrawLink = confirmed.text.match(/https?:\/\/\S+\/s\/withdraw\/\S+/)![0];
  await page.goto(withdrawLink);
  await expect(page.getByRole("heading", { name: "Withdraw your signature" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText("Aysel Əhmədova, Director, Baku Press Club")).toBeVisible();
  await page.goto(withdrawLink);
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByText("Your signature has been withdrawn.")).toBeVisible();
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText("Aysel Əhmədova")).toHaveCount(0);
});

test("an individual who hides their name is not accepted without an organisation, and the form keeps what was typed", async ({ page, hook }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN", drawnSignature: "OFF" });
  await page.goto(`/a/${appeal.slug}`);
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByText("Enter your full name.")).toBeVisible();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Tick the box to agree")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("as an individual").check();
  await page.getByLabel("Full name", { exact: true }).fill("x".repeat(130));
  await page.getByLabel("Email address", { exact: true }).fill("not-an-email");
  await page.getByLabel("Show only my organisation").check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByText("To hide your name, give the organisation to show instead.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Email address", { exact: true })).toHaveValue("not-an-email");
  await expect(page.getByLabel("Show only my organisation")).toBeChecked();

  // An organisation always needs its name, whatever it shows.
  await page.getByLabel("on behalf of an organisation").check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByText("Enter the name of the organisation you sign for.")).toBeVisible();
  const rows = await hook<unknown[]>("signatures-of", { appealId: appeal.id });
  expect(rows).toHaveLength(0);
});

test("the same person signing twice (case, dots, plus-tag) gets the same answer and one signature", async ({ page, hook, mail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN", drawnSignature: "OFF" });
  const local = `jane.doe.${Date.now()}`;
  for (const email of [`${local}@gmail.com`, `${local.toUpperCase()}@GMAIL.com`, `${local.replace(/\./g, "")}+coalition@googlemail.com`]) {
    await page.goto(`/a/${appeal.slug}`);
    await page.getByLabel("as an individual").check();
    await page.getByLabel("Full name", { exact: true }).fill("Jane Doe");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel(/I sign this letter/).check();
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  }
  const rows = await hook<unknown[]>("signatures-of", { appealId: appeal.id });
  expect(rows).toHaveLength(1);
  await mail.waitFor(`${local}@gmail.com`, { subject: /Confirm your signature/ });
});

test("an expired confirmation link offers a new one; a used link says the signature is confirmed; a forged one is refused", async ({ page, hook, mail, uniqueEmail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN", drawnSignature: "OFF" });
  const email = uniqueEmail("late");
  await page.goto(`/a/${appeal.slug}`);
  await page.getByLabel("as an individual").check();
  await page.getByLabel("Full name", { exact: true }).fill("Late Signer");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel(/I sign this letter/).check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  const first = firstLink(await mail.waitFor(email, { subject: /Confirm your signature/ }));
  await hook("expire-signature-links", { email });
  await page.goto(first);
  await expect(page.getByRole("heading", { name: "This confirmation link has expired" })).toBeVisible();
  await expectAccessible(page);
  const before = await mail.count(email);
  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(page.getByText("A new confirmation link is on its way")).toBeVisible();
  const fresh = firstLink(await mail.waitFor(email, { subject: /Confirm your signature/, after: before }));
  expect(fresh).not.toBe(first);
  await page.goto(fresh);
  await expect(page.getByRole("heading", { name: "Thank you: your signature is confirmed" })).toBeVisible();
  await page.goto(fresh);
  await expect(page.getByRole("heading", { name: "Your signature is already confirmed" })).toBeVisible();
  await page.goto("/s/confirm/forged-token-1234567890");
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
});

test("a closed appeal shows its signatories and no form", async ({ page, hook }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "CLOSED" });
  await hook("create-signature", { appealId: appeal.id, name: "Final Signer" });
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText(/This appeal is closed/)).toBeVisible();
  await expect(page.getByText("Final Signer")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign the letter" })).toHaveCount(0);
});
