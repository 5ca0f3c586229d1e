import { afterEach, describe, expect, it } from "vitest";
import * as route from "@/app/api/test-hooks/[hook]/route";
import { env } from "@/lib/env";
import { runTestHook } from "@/lib/test-hooks/run-test-hook";

const original = env.TEST_HOOKS;
afterEach(() => {
  env.TEST_HOOKS = original;
});

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

async function call(method: (typeof METHODS)[number], hook: string, body?: unknown): Promise<Response> {
  const handler = route[method];
  const request = new Request(`http://localhost/api/test-hooks/${hook}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return handler(request, { params: Promise.resolve({ hook }) });
}

describe("test hooks with TEST_HOOKS off", () => {
  it.each(METHODS)("%s answers 404 as for a route that does not exist", async (method) => {
    env.TEST_HOOKS = false;
    expect((await call(method, "create-session", method === "GET" || method === "HEAD" ? undefined : {})).status).toBe(404);
  });

  it("runTestHook itself refuses, whoever calls it", async () => {
    env.TEST_HOOKS = false;
    expect(await runTestHook("create-session", {})).toBeNull();
  });
});

describe("test hooks with TEST_HOOKS on", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "no-such-hook"])("%s is not a hook: 404", async (name) => {
    env.TEST_HOOKS = true;
    expect(await runTestHook(name, {})).toBeNull();
    expect((await call("POST", name, {})).status).toBe(404);
  });

  it("runs a hook, and answers 400 with the field errors on bad input", async () => {
    env.TEST_HOOKS = true;
    const created = await call("POST", "create-session", {});
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ sessionToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const bad = await call("POST", "create-session", { email: "not an address" });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: object }).errors)).toEqual(["email"]);
  });

  it("answers 405 to the other methods", async () => {
    env.TEST_HOOKS = true;
    const res = await call("GET", "create-session");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});
