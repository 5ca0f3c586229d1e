import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import CheckEmailPage from "@/app/(public)/a/[slug]/check-email/page";
import { env } from "@/lib/env";

const ttl = env.SIGNATURE_TOKEN_TTL_HOURS;
const render = async () => renderToStaticMarkup(await CheckEmailPage({ params: Promise.resolve({ slug: "free-them" }) }));

describe("the check-your-inbox page", () => {
  afterEach(() => {
    env.SIGNATURE_TOKEN_TTL_HOURS = ttl;
  });

  it("says how long the link works, as configured", async () => {
    env.SIGNATURE_TOKEN_TTL_HOURS = 72;
    expect(await render()).toContain("The link works for 72 hours.");
    env.SIGNATURE_TOKEN_TTL_HOURS = 1;
    expect(await render()).toContain("The link works for 1 hour.");
  });
});
