import { inspectPdf } from "../lib/letter/inspect-pdf";
import { expect, firstLink, test } from "./support/fixtures";

// Signers may be at risk. Whatever they asked to hide, and their email address, must appear on
// no public page, file or API answer: this test signs with distinctive values and looks everywhere.
test("no public page, file or API answer reveals an email address, a hidden name or a hidden country", async ({ page, request, hook, mail }) => {
  test.setTimeout(90_000);
  const appeal = await hook<{ id: string; slug: string }>("create-appeal", { status: "OPEN", drawnSignature: "OFF", publicPdf: true });
  const stamp = Date.now().toString(36);
  const hiddenName = `Zərifə Gizliyeva${stamp}`;
  const hiddenNameEmail = `zarifa.${stamp}@example.org`;
  const hiddenCountryEmail = `visible.${stamp}@example.org`;
  const visibleName = `Visible Person${stamp}`;

  // One signs through the form, asking to show only their organisation…
  await page.goto(`/a/${appeal.slug}`);
  await page.getByLabel("as an individual").check();
  await page.getByLabel("Full name", { exact: true }).fill(hiddenName);
  await page.getByLabel("Organisation (optional)").fill(`Secret Shelter ${stamp}`);
  await page.getByLabel("Country", { exact: true }).selectOption("AZ");
  await page.getByLabel("Email address", { exact: true }).fill(hiddenNameEmail);
  await page.getByLabel("Show only my organisation").check();
  await page.getByLabel(/I sign this letter/).check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto(firstLink(await mail.waitFor(hiddenNameEmail, { subject: /Confirm/ })));

  // …the other through the API, hiding their country.
  const posted = await request.post(`/api/v1/appeals/${appeal.slug}/signatures`, {
    headers: { "x-forwarded-for": `10.77.${stamp.length}.9` },
    data: { kind: "individual", name: visibleName, country: "IR", email: hiddenCountryEmail, show: { name: true, country: false }, consent: true },
  });
  expect(posted.status()).toBe(202);
  await page.goto(firstLink(await mail.waitFor(hiddenCountryEmail, { subject: /Confirm/ })));
  await expect(page.getByRole("heading", { name: /your signature is confirmed/ })).toBeVisible();

  // Both are public now; the page shows what they allowed.
  await page.goto(`/a/${appeal.slug}`);
  await expect(page.getByText(`Secret Shelter ${stamp} (Azerbaijan)`)).toBeVisible();
  await expect(page.getByText(visibleName, { exact: true })).toBeVisible();

  const secrets = [hiddenNameEmail, hiddenCountryEmail, "@example.org", "Gizliyeva"];
  const texts: Record<string, string> = {};
  for (const path of [
    "/",
    `/a/${appeal.slug}`,
    `/a/${appeal.slug}/signatories`,
    `/a/${appeal.slug}/signatories.csv`,
    "/api/v1/appeals",
    `/api/v1/appeals/${appeal.slug}`,
    `/api/v1/appeals/${appeal.slug}/signatories`,
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    texts[path] = await res.text();
  }
  const pdf = await request.get(`/a/${appeal.slug}/letter.pdf`);
  expect(pdf.status()).toBe(200);
  const printed = await inspectPdf(await pdf.body());
  texts["letter.pdf"] = printed.pages.map((p) => p.text).join("\n");
  const code = printed.links.map((l) => l.match(/\/verify\/([A-Za-z0-9]+)/)?.[1]).find(Boolean);
  expect(code, "the PDF prints its verification address").toBeTruthy();
  const verify = await request.get(`/verify/${code}`);
  expect(verify.status()).toBe(200);
  texts[`/verify/${code}`] = await verify.text();

  expect(texts["letter.pdf"]).toContain(`Secret Shelter ${stamp}`);
  expect(texts["letter.pdf"]).toContain(visibleName);
  for (const [where, text] of Object.entries(texts)) {
    for (const secret of secrets) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    // HTML pages carry the sign-on form's list of every country, so look at the signer's line there.
    const hiddenCountry = where.startsWith("/a/") && !where.endsWith(".csv") ? `${visibleName} (` : "Iran";
    expect(text.includes(hiddenCountry), `hidden country (${hiddenCountry}) in ${where}`).toBe(false);
  }
  const api = JSON.parse(texts[`/api/v1/appeals/${appeal.slug}/signatories`]!) as { signatories: { name: string | null; country: string | null; organisation: string | null }[] };
  expect(api.signatories).toContainEqual(expect.objectContaining({ name: null, organisation: `Secret Shelter ${stamp}`, country: "AZ" }));
  expect(api.signatories).toContainEqual(expect.objectContaining({ name: visibleName, country: null }));
});
