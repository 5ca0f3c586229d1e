import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { createAppeal, createUser } from "@/lib/factories";

// Routes for the end-to-end tests only (TEST_HOOKS=true): the embedded database admits one
// process, so the Playwright tests create their data and sessions through the app itself.

const hooks = {
  "create-session": {
    input: z.object({ email: z.email().optional() }),
    async run({ email }: { email?: string }) {
      const user = email
        ? await db().user.upsert({ where: { email }, create: { email }, update: {} })
        : await createUser();
      const sessionToken = randomBytes(32).toString("hex");
      await db().session.create({
        data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) },
      });
      return { userId: user.id, email: user.email, sessionToken };
    },
  },
  "expire-sign-in-links": {
    input: z.object({ email: z.email() }),
    async run({ email }: { email: string }) {
      const { count } = await db().verificationToken.updateMany({
        where: { identifier: email.toLowerCase() },
        data: { expires: new Date(Date.now() - 60_000) },
      });
      return { count };
    },
  },
  "create-appeal": {
    input: z.object({
      ownerEmail: z.email().optional(),
      status: z.enum(["DRAFT", "OPEN", "CLOSED"]).optional(),
      title: z.string().optional(),
    }),
    async run({ ownerEmail, ...data }: { ownerEmail?: string; status?: "DRAFT" | "OPEN" | "CLOSED"; title?: string }) {
      const owner = ownerEmail ? await db().user.findUnique({ where: { email: ownerEmail } }) : null;
      const appeal = await createAppeal({ ...data, ownerId: owner?.id });
      return { id: appeal.id, slug: appeal.slug, title: appeal.title };
    },
  },
} as const;

export type TestHookName = keyof typeof hooks;

export async function runTestHook(name: string, body: unknown) {
  const hook = hooks[name as TestHookName];
  if (!hook) return null;
  const parsed = (hook.input as z.ZodType).safeParse(body);
  if (!parsed.success) return { error: z.flattenError(parsed.error).fieldErrors };
  return { result: await hook.run(parsed.data as never) };
}
