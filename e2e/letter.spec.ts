import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { inspectPdf, readingText } from "../lib/letter/inspect-pdf";
import { expect, expectAccessible, test } from "./support/fixtures";

type Appeal = { id: string; slug: string; title: string };
type LetterExport = { code: string; snapshot: { signatories: string[]; textSha256: string; textVersion: number } };

const ARTIFACTS = "e2e/.artifacts";

async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; images: number }> {
  const { pages } = await inspectPdf(pdf);
  return {
    text: readingText(pages.map((p) => p.text).join("\n")),
    pages: pages.length,
    images: pages.reduce((n, p) => n + p.images.length, 0),
  };
}

const codeIn = (text: string) => /\/verify\/([a-z2-9]{16})/.exec(text)?.[1] ?? null;

/** axe-core on the page, leaving out the browser's own PDF viewer inside the letter's frame. */
async function expectAccessibleAround(page: Page, exclude: string) {
  const results = await new AxeBuilder({ page }).exclude(exclude).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

async function fitsWidth(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label}: horizontal scrolling`).toBeLessThanOrEqual(0);
}

test("a coordinator downloads and views a draft's letter from the dashboard; the public cannot get it", async ({ page, signIn, hook, request }) => {
  const me = await signIn();
  const appeal = await hook<Appeal>("create-appeal", { ownerEmail: me.email, status: "DRAFT", title: "Open letter: Free the reporters of Gəncə and Şəki", publicPdf: true });
  await page.goto(`/dashboard/appeals/${appeal.id}`);
  const section = page.getByRole("region", { name: "Signed letter" });
  await expect(section).toContainText("Draft");

  const downloading = page.waitForEvent("download");
  await section.getByRole("button", { name: "Download PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${appeal.slug}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await pdfText(pdf);
  expect(text).toContain(appeal.title);
  expect(text).toContain("Draft");
  expect(text).not.toContain("/verify/");
  await expect(section.getByRole("button", { name: "Download PDF" })).toBeEnabled();
  await expect(section.getByText(`Saved as ${download.suggestedFilename()}.`)).toBeAttached();

  // The same address says nothing of the draft to anyone else, signed in or not.
  for (const res of [await request.get(`/a/${appeal.slug}/letter.pdf`), await request.get("/a/no-such-appeal/letter.pdf")]) {
    expect(res.status()).toBe(404);
    expect(await res.text()).toBe("Not found");
  }
  const coordinatorCopy = await page.request.get(`/a/${appeal.slug}/letter.pdf?inline=1`);
  expect(coordinatorCopy.status()).toBe(200);
  expect(coordinatorCopy.headers()["cache-control"]).toBe("private, no-store");
  expect(coordinatorCopy.headers()["content-disposition"]).toMatch(/^inline; filename="/);
  expect((await hook<LetterExport[]>("letter-exports-of", { appealId: appeal.id })).length).toBe(0);
});

for (const width of [1280, 390]) {
  test(`the dashboard shows the letter in the page and fits ${width} px`, async ({ page, signIn, hook }) => {
    const me = await signIn();
    const appeal = await hook<Appeal>("create-appeal", { ownerEmail: me.email, status: "OPEN" });
    await hook("create-letter-signature", { appealId: appeal.id, kind: "ORGANISATION", name: "Margot Lefèvre", role: "Director", organisation: "Civic Freedoms Centre", country: "BE", drawn: "BLUE" });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/dashboard/appeals/${appeal.id}`);
    const section = page.getByRole("region", { name: "Signed letter" });
    await section.getByRole("button", { name: "Show the letter here" }).click();
    const viewer = section.locator("iframe.letter-viewer");
    await expect(viewer).toBeVisible();
    await expect(viewer).toHaveAttribute("title", `The signed letter: ${appeal.title} (PDF)`);
    await expect(viewer).toHaveAttribute("src", /^blob:/);
    await expect(section.getByRole("button", { name: "Refresh the preview" })).toBeEnabled();
    await expectAccessibleAround(page, "iframe.letter-viewer");
    await fitsWidth(page, "dashboard with the letter");
    await page.screenshot({ path: `${ARTIFACTS}/screens/letter-dashboard-${width}.png`, fullPage: true });
  });
}

test("the public gets the PDF only when the appeal makes it public", async ({ request, hook }) => {
  const hidden = await hook<Appeal>("create-appeal", { status: "OPEN", publicPdf: false });
  const shown = await hook<Appeal>("create-appeal", { status: "CLOSED", publicPdf: true });
  const res404 = await request.get(`/a/${hidden.slug}/letter.pdf`);
  expect(res404.status()).toBe(404);

  const res = await request.get(`/a/${shown.slug}/letter.pdf`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="${shown.slug}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
  expect(res.headers()["cache-control"]).toBe("public, max-age=60");
  const body = await res.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect((await pdfText(body)).text).toContain(shown.title);

  // An unchanged letter is the same export, served again: same bytes, same code, no new row.
  const again = await request.get(`/a/${shown.slug}/letter.pdf?inline=1`);
  expect(again.headers()["content-disposition"]).toMatch(/^inline; /);
  expect((await again.body()).equals(body)).toBe(true);
  expect(await hook<LetterExport[]>("letter-exports-of", { appealId: shown.id })).toHaveLength(1);
  const etag = res.headers()["etag"]!;
  expect((await request.get(`/a/${shown.slug}/letter.pdf`, { headers: { "If-None-Match": etag } })).status()).toBe(304);

  // A letter that has changed is not rendered again for the public for 5 minutes after its latest
  // export: the public gets that export meanwhile.
  await hook("create-letter-signature", { appealId: shown.id, name: "Later Signer" });
  const meanwhile = await request.get(`/a/${shown.slug}/letter.pdf`);
  expect(meanwhile.headers()["etag"]).toBe(etag);
  expect((await meanwhile.body()).equals(body)).toBe(true);
  expect(await hook<LetterExport[]>("letter-exports-of", { appealId: shown.id })).toHaveLength(1);

  // What no bundled font can draw is refused, naming the characters, rather than printed as boxes.
  const unprintable = await hook<Appeal>("create-appeal", { status: "OPEN", publicPdf: true });
  await hook("create-letter-signature", { appealId: unprintable.id, name: "王小明" });
  const refused = await request.get(`/a/${unprintable.slug}/letter.pdf`);
  expect(refused.status()).toBe(422);
  expect(await refused.text()).toMatch(/^This letter cannot be printed as a PDF\. The letter contains characters no bundled font can print: 王 \(U\+738B\)/);
  expect(await hook<LetterExport[]>("letter-exports-of", { appealId: unprintable.id })).toHaveLength(0);
});

test("the verification page lists what the PDF printed, hides what signers hid, and catches a wrong code", async ({ page, request, hook, signIn }) => {
  const me = await signIn();
  const appeal = await hook<Appeal>("create-appeal", { ownerEmail: me.email, status: "OPEN", publicPdf: true });
  await hook("create-letter-signature", { appealId: appeal.id, kind: "ORGANISATION", name: "Rəşad Məmmədli", role: "Chair", organisation: "Caspian Institute", country: "AZ", email: "resad.private@example.org" });
  await hook("create-letter-signature", { appealId: appeal.id, kind: "ORGANISATION", name: "Secret Zxqwerty", role: "Coordinator", organisation: "Shielded Lawyers", country: "AZ", showName: false, drawn: "BLACK", email: "secret.private@example.org" });
  await hook("create-letter-signature", { appealId: appeal.id, name: "Ayşe Yılmaz", country: "TR", showCountry: false });

  const pdf = await (await request.get(`/a/${appeal.slug}/letter.pdf`)).body();
  const { text } = await pdfText(pdf);
  const code = codeIn(text)!;
  expect(code).toBeTruthy();
  const [exported] = await hook<LetterExport[]>("letter-exports-of", { appealId: appeal.id });
  expect(exported!.code).toBe(code);
  const { versions } = await hook<{ versions: { sha256: string }[] }>("get-appeal", { appealId: appeal.id });
  const sha = versions.at(-1)!.sha256;
  expect(text).toContain(`SHA-256 ${sha.slice(0, 16)}`);
  for (const hidden of ["Secret Zxqwerty", "Coordinator", "Turkey", "Türkiye", "@example.org"]) expect(text).not.toContain(hidden);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(`/verify/${code}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Verification of a signed letter" })).toBeVisible();
    await expect(page.getByRole("link", { name: appeal.title })).toHaveAttribute("href", `/a/${appeal.slug}`);
    await expect(page.getByText(sha, { exact: true })).toBeVisible();
    const listed = await page.getByTestId("printed-signatories").getByRole("listitem").allTextContents();
    expect(listed).toEqual(exported!.snapshot.signatories);
    expect(listed).toEqual(["Rəşad Məmmədli, Chair, Caspian Institute (Azerbaijan)", "Shielded Lawyers (Azerbaijan)", "Ayşe Yılmaz"]);
    for (const line of listed) expect(text).toContain(line);
    await expect(page.locator("body")).not.toContainText("Secret Zxqwerty");
    await expect(page.locator("body")).not.toContainText("@example.org");
    await expect(page.getByRole("note")).toHaveCount(0);
    await expectAccessible(page);
    await fitsWidth(page, "verification page");
    await page.screenshot({ path: `${ARTIFACTS}/screens/verify-${width}.png`, fullPage: true });
  }

  // A later signature makes a new export (the coordinator's download: the public would get the
  // first one for 5 minutes more); the old code still shows the old list, and says it changed.
  await hook("create-letter-signature", { appealId: appeal.id, name: "Late Signer" });
  expect(codeIn((await pdfText(await (await request.get(`/a/${appeal.slug}/letter.pdf`)).body())).text)).toBe(code);
  const newer = codeIn((await pdfText(await (await page.request.get(`/a/${appeal.slug}/letter.pdf`)).body())).text)!;
  expect(newer).not.toBe(code);
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("note")).toContainText("This appeal has changed since this letter was exported.");
  await expect(page.getByTestId("printed-signatories")).not.toContainText("Late Signer");
  await page.goto(`/verify/${newer}`);
  await expect(page.getByTestId("printed-signatories")).toContainText("Late Signer");

  // A tampered code, an unknown one and a malformed one: none is a letter.
  const tampered = code.slice(0, -1) + (code.endsWith("a") ? "b" : "a");
  for (const wrong of [tampered, "not-a-code", "../../etc/passwd"]) {
    const response = await page.goto(`/verify/${encodeURIComponent(wrong)}`);
    expect(response?.status(), wrong).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "No letter with this verification code" })).toBeVisible();
  }
  await expectAccessible(page);

  // The form takes a code as people type it.
  await page.goto("/verify");
  await expectAccessible(page);
  await page.getByLabel("Verification code").fill(` ${code.toUpperCase().slice(0, 8)} ${code.toUpperCase().slice(8)} `);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${code}$`));
  await page.goto("/verify");
  await page.getByLabel("Verification code").fill("hello");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("This is not a verification code")).toBeVisible();
  await expect(page.getByLabel("Verification code")).toHaveAttribute("aria-invalid", "true");
});

test("coordinators add, order and remove letterhead logos, which print at the top of the letter", async ({ page, signIn, hook }) => {
  const me = await signIn();
  const appeal = await hook<Appeal>("create-appeal", { ownerEmail: me.email, status: "OPEN" });
  await page.goto(`/dashboard/appeals/${appeal.id}`);
  const section = page.getByRole("region", { name: "Signed letter" });
  const logo = (r: number, b: number) =>
    sharp({ create: { width: 900, height: 600, channels: 4, background: { r, g: 80, b, alpha: 1 } } }).png().toBuffer();

  await section.getByLabel("Add a logo").setInputFiles({ name: "first.png", mimeType: "image/png", buffer: await logo(200, 20) });
  await section.getByRole("button", { name: "Add the logo" }).click();
  await expect(section.getByText("Logo added.")).toBeVisible();
  await section.getByLabel("Add a logo").setInputFiles({ name: "second.png", mimeType: "image/png", buffer: await logo(20, 200) });
  await section.getByRole("button", { name: "Add the logo" }).click();
  await expect(section.getByRole("img", { name: "Logo 2" })).toBeVisible();
  await expect(section.getByRole("img", { name: "Logo 1" })).toHaveAttribute("height", "400");

  // Named like an image, but it is not one.
  await section.getByLabel("Add a logo").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await section.getByRole("button", { name: "Add the logo" }).click();
  await expect(section.getByText("The logo must be a PNG or JPEG image.")).toBeVisible();
  await expect(section.getByLabel("Add a logo")).toHaveAttribute("aria-invalid", "true");

  const images = async () => (await pdfText(await (await page.request.get(`/a/${appeal.slug}/letter.pdf`)).body())).images;
  expect(await images()).toBe(2 + 1);
  await section.getByRole("button", { name: "Move left, logo 2" }).click();
  await expect(section.getByText("Logo moved left.")).toBeVisible();
  await section.getByRole("button", { name: "Remove logo 1" }).click();
  await expect(section.getByText("Logo removed.")).toBeVisible();
  await expect(section.getByRole("img", { name: /Logo/ })).toHaveCount(1);
  expect(await images()).toBe(1 + 1);
  await expectAccessibleAround(page, "iframe.letter-viewer");
});

test("the demo letter: page 1 saved as PNG for review, hidden names and countries left out", async ({ request }) => {
  const res = await request.get("/a/release-detained-journalists/letter.pdf");
  expect(res.status()).toBe(200);
  const pdf = await res.body();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdfPath = path.join(ARTIFACTS, "letter-demo.pdf");
  fs.writeFileSync(pdfPath, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, path.join(ARTIFACTS, "letter-page-1")]);
  expect(fs.statSync(path.join(ARTIFACTS, "letter-page-1.png")).size).toBeGreaterThan(10_000);

  const { text, pages } = await pdfText(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(text).toContain("Open letter: Release the journalists and human-rights defenders detained since March");
  expect(text).toContain("Women Lawyers for Justice (Azerbaijan)");
  expect(text).toContain("İlkin Şükürov, Human-rights defender");
  expect(text).not.toContain("Aytən Qasımova");
  expect(text).not.toContain("İlkin Şükürov, Human-rights defender (");
  expect(text).not.toContain("@example.org");
  expect(codeIn(text)).toBeTruthy();
});
