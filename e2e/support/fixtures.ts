import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { E2E } from "./ports";

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

async function callHook<T>(name: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${E2E.appUrl}/api/test-hooks/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`test hook ${name} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.org`;

/** Waits for the newest message to `to` that matches, read from the real SMTP catcher. */
async function waitForMail(to: string, match: { subject?: RegExp; after?: number } = {}): Promise<CapturedMail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${E2E.mailApi}/messages?to=${encodeURIComponent(to)}`);
    const all = (await res.json()) as CapturedMail[];
    const found = all.slice(match.after ?? 0).filter((m) => !match.subject || match.subject.test(m.subject));
    if (found.length) return found[found.length - 1]!;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`No email to ${to} arrived within 15 s`);
}

async function countMail(to: string): Promise<number> {
  const res = await fetch(`${E2E.mailApi}/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as unknown[]).length;
}

export function firstLink(mail: CapturedMail): string {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No link in "${mail.subject}"`);
  return link;
}

/** Fails the test with the list of violations when axe-core finds any on the page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  expect(summary, "axe-core violations").toEqual([]);
}

export const test = base.extend<{
  hook: typeof callHook;
  mail: { waitFor: typeof waitForMail; count: typeof countMail };
  uniqueEmail: typeof uniqueEmail;
  /** Signs a new (or the given) coordinator in without the UI and returns it. */
  signIn: (email?: string) => Promise<{ userId: string; email: string }>;
}>({
  hook: async ({}, use) => use(callHook),
  mail: async ({}, use) => use({ waitFor: waitForMail, count: countMail }),
  uniqueEmail: async ({}, use) => use(uniqueEmail),
  signIn: async ({ context }, use) => {
    await use(async (email) => {
      const session = await callHook<{ userId: string; email: string; sessionToken: string }>("create-session", {
        email: email ?? uniqueEmail("coordinator"),
      });
      await context.addCookies([
        { name: "next-auth.session-token", value: session.sessionToken, url: E2E.appUrl, httpOnly: true, sameSite: "Lax" },
      ]);
      return { userId: session.userId, email: session.email };
    });
  },
});

export { expect };
