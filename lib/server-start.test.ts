import { describe, expect, it } from "vitest";
import { DEMO_COORDINATOR_EMAIL } from "@/lib/demo/demo-appeal";
import { devOutboxDir } from "@/lib/email/transport";
import { demoSignInHint } from "@/lib/server-start";

describe("the start-up hint after seeding the demo", () => {
  it("names the real outbox folder, not a placeholder", () => {
    const hint = demoSignInHint({ APP_URL: "http://localhost:8080" });
    expect(hint).toContain(`open http://localhost:8080/sign-in and enter ${DEMO_COORDINATOR_EMAIL}`);
    expect(hint).toContain(`the sign-in link is printed here and saved under ${devOutboxDir()}.`);
    expect(hint).not.toContain("${");
  });

  it("does not promise a printed link where none is printed, nor a file where mail is sent", () => {
    expect(demoSignInHint({ APP_URL: "https://appeals.example.org" })).toContain(`only saved under ${devOutboxDir()}`);
    expect(demoSignInHint({ APP_URL: "https://appeals.example.org" })).not.toContain("printed");
    expect(demoSignInHint({ APP_URL: "http://localhost:3000", SMTP_URL: "smtp://127.0.0.1:25" })).toMatch(/the link goes to that address\.$/);
  });
});
