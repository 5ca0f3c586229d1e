import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prismaAdapter } from "@/lib/auth/adapter";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createAppeal, createUser, uniqueSuffix } from "@/lib/factories";
import { inviteMember } from "@/lib/appeals/members/invite-member";
import { listMembers } from "@/lib/appeals/members/list-members";
import { removeMember } from "@/lib/appeals/members/remove-member";
import { transferOwnership } from "@/lib/appeals/members/transfer-ownership";
import { listAuditEvents } from "@/lib/audit/list-audit";

// next-auth 4 does not export hashToken; load it from its file to prove the stored hash is the one
// its email callback looks up.
const { hashToken } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/lib/utils.js")) as {
  hashToken: (token: string, options: { provider: { secret?: string }; secret: string }) => string;
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const address = (label: string) => `${label}-${uniqueSuffix()}@example.org`;

/** An appeal with an owner and two editors who have signed in, all fresh. */
async function team() {
  const owner = await createUser({ name: "Olga Owner", emailVerified: new Date() });
  const editor = await createUser({ emailVerified: new Date() });
  const other = await createUser({ emailVerified: new Date() });
  const appeal = await createAppeal({ ownerId: owner.id });
  await db().appealMember.createMany({
    data: [
      { appealId: appeal.id, userId: editor.id, role: "EDITOR" },
      { appealId: appeal.id, userId: other.id, role: "EDITOR" },
    ],
  });
  return { owner, editor, other, appeal, appealId: appeal.id };
}

const roles = async (appealId: string) =>
  Object.fromEntries(
    (await db().appealMember.findMany({ where: { appealId }, select: { userId: true, role: true } })).map((m) => [m.userId, m.role]),
  );

const auditActions = async (appealId: string) =>
  (await db().auditEvent.findMany({ where: { appealId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => ({
    action: e.action,
    actorId: e.actorId,
    details: e.details,
  }));

describe("inviteMember", () => {
  it("creates the user and the editor membership, a next-auth sign-in token and one queued email", async () => {
    const { owner, appeal, appealId } = await team();
    const typed = `  Invitee-${uniqueSuffix()}@Example.ORG `;
    const email = typed.trim().toLowerCase();

    const result = await inviteMember({ userId: owner.id, appealId, email: typed });
    expect(result).toMatchObject({ email, role: "EDITOR" });

    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerified).toBeNull();
    expect(result.userId).toBe(user.id);
    expect((await roles(appealId))[user.id]).toBe("EDITOR");

    const mails = await db().outboxMessage.findMany({ where: { to: email } });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toMatch(/invit/i);
    expect(mail.text).toContain(appeal.title);
    expect(mail.text).toContain("Olga Owner");
    expect(mail.html).toContain("Open the appeal");

    const link = new URL(mail.text.match(/https?:\/\/\S+/)![0]);
    expect(`${link.origin}${link.pathname}`).toBe(`${env.APP_URL}/api/auth/callback/email`);
    expect(link.searchParams.get("callbackUrl")).toBe(`${env.APP_URL}/dashboard/appeals/${appealId}`);
    expect(link.searchParams.get("email")).toBe(email);
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    // Only the hash is stored, and it is next-auth's own hash of the token.
    expect(await db().verificationToken.findUnique({ where: { token } })).toBeNull();
    const stored = await db().verificationToken.findUniqueOrThrow({ where: { token: sha256(`${token}${env.AUTH_SECRET}`) } });
    expect(stored.identifier).toBe(email);
    const days = (stored.expires.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const used = await prismaAdapter().useVerificationToken!({
      identifier: email,
      token: hashToken(token, { provider: {}, secret: env.AUTH_SECRET }),
    });
    expect(used?.identifier).toBe(email);

    const { members } = await listMembers({ userId: owner.id, appealId });
    expect(members.find((m) => m.email === email)).toMatchObject({ role: "EDITOR", signedIn: false, name: null });
    expect((await auditActions(appealId)).at(-1)).toEqual({ action: "member.invited", actorId: owner.id, details: { email, role: "EDITOR" } });
  });

  it("reuses an existing account and shows it as signed in", async () => {
    const { owner, appealId } = await team();
    const existing = await createUser({ emailVerified: new Date(), name: "Ana Existing" });
    const result = await inviteMember({ userId: owner.id, appealId, email: existing.email.toUpperCase() });
    expect(result.userId).toBe(existing.id);
    expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
    const { members } = await listMembers({ userId: owner.id, appealId });
    expect(members.find((m) => m.userId === existing.id)).toMatchObject({ signedIn: true, name: "Ana Existing" });
  });

  it("refuses a current member (the owner included) with CONFLICT and leaves nothing behind", async () => {
    const { owner, editor, appealId } = await team();
    const before = await auditActions(appealId);
    await expect(inviteMember({ userId: owner.id, appealId, email: editor.email })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(inviteMember({ userId: owner.id, appealId, email: owner.email.toUpperCase() })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().outboxMessage.count({ where: { to: { in: [editor.email, owner.email] } } })).toBe(0);
    expect(await db().verificationToken.count({ where: { identifier: { in: [editor.email, owner.email] } } })).toBe(0);
    expect(await auditActions(appealId)).toEqual(before);
  });

  it("invites an address once when two invitations race", async () => {
    const { owner, appealId } = await team();
    const email = address("race");
    const results = await Promise.allSettled([
      inviteMember({ userId: owner.id, appealId, email }),
      inviteMember({ userId: owner.id, appealId, email }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db().outboxMessage.count({ where: { to: email } })).toBe(1);
  });
});

describe("authorisation", () => {
  it("an editor may list but not invite, remove others or transfer (FORBIDDEN)", async () => {
    const { owner, editor, other, appealId } = await team();
    const listed = await listMembers({ userId: editor.id, appealId });
    expect(listed.viewerRole).toBe("EDITOR");
    expect(listed.members.map((m) => m.role)).toEqual(["OWNER", "EDITOR", "EDITOR"]);
    const before = { roles: await roles(appealId), audit: await auditActions(appealId) };

    await expect(inviteMember({ userId: editor.id, appealId, email: address("nope") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember({ userId: editor.id, appealId, memberUserId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember({ userId: editor.id, appealId, memberUserId: owner.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(transferOwnership({ userId: editor.id, appealId, toUserId: editor.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(transferOwnership({ userId: editor.id, appealId, toUserId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await roles(appealId)).toEqual(before.roles);
    expect(await auditActions(appealId)).toEqual(before.audit);
  });

  it("a non-member gets NOT_FOUND from every function, even naming real members", async () => {
    const { owner, editor, appealId } = await team();
    const stranger = await createUser();
    // A stranger who owns another appeal is still a stranger here.
    await createAppeal({ ownerId: stranger.id });
    const userId = stranger.id;
    const calls = [
      () => listMembers({ userId, appealId }),
      () => inviteMember({ userId, appealId, email: address("x") }),
      () => removeMember({ userId, appealId, memberUserId: editor.id }),
      () => removeMember({ userId, appealId, memberUserId: stranger.id }),
      () => transferOwnership({ userId, appealId, toUserId: editor.id }),
      () => transferOwnership({ userId, appealId, toUserId: owner.id }),
      () => listAuditEvents({ userId, appealId }),
      () => listMembers({ userId: owner.id, appealId: `missing-${uniqueSuffix()}` }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().appealMember.count({ where: { appealId } })).toBe(3);
  });
});

describe("removeMember", () => {
  it("the owner removes an editor, who then no longer sees the appeal", async () => {
    const { owner, editor, appealId } = await team();
    await expect(removeMember({ userId: owner.id, appealId, memberUserId: editor.id })).resolves.toEqual({ email: editor.email, left: false });
    expect((await roles(appealId))[editor.id]).toBeUndefined();
    expect((await auditActions(appealId)).at(-1)).toEqual({
      action: "member.removed",
      actorId: owner.id,
      details: { email: editor.email, role: "EDITOR", left: false },
    });
    await expect(listMembers({ userId: editor.id, appealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The user account stays: they may coordinate other appeals.
    expect(await db().user.findUnique({ where: { id: editor.id } })).not.toBeNull();
  });

  it("an editor leaves by removing themself", async () => {
    const { editor, other, appealId } = await team();
    await expect(removeMember({ userId: editor.id, appealId, memberUserId: editor.id })).resolves.toEqual({ email: editor.email, left: true });
    expect(Object.keys(await roles(appealId))).not.toContain(editor.id);
    expect((await roles(appealId))[other.id]).toBe("EDITOR");
    expect((await auditActions(appealId)).at(-1)).toEqual({
      action: "member.removed",
      actorId: editor.id,
      details: { email: editor.email, role: "EDITOR", left: true },
    });
  });

  it("never removes the owner, not even at their own request", async () => {
    const { owner, appealId } = await team();
    const before = await auditActions(appealId);
    await expect(removeMember({ userId: owner.id, appealId, memberUserId: owner.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await roles(appealId))[owner.id]).toBe("OWNER");
    expect(await auditActions(appealId)).toEqual(before);
  });

  it("says so when the person is not a coordinator (any more)", async () => {
    const { owner, editor, appealId } = await team();
    await removeMember({ userId: owner.id, appealId, memberUserId: editor.id });
    await expect(removeMember({ userId: owner.id, appealId, memberUserId: editor.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});

describe("transferOwnership", () => {
  it("makes the editor the owner and the owner an editor, with an audit entry", async () => {
    const { owner, editor, other, appealId } = await team();
    await expect(transferOwnership({ userId: owner.id, appealId, toUserId: editor.id })).resolves.toEqual({ email: editor.email });
    expect(await roles(appealId)).toEqual({ [owner.id]: "EDITOR", [editor.id]: "OWNER", [other.id]: "EDITOR" });
    expect((await auditActions(appealId)).at(-1)).toEqual({
      action: "member.ownership-transferred",
      actorId: owner.id,
      details: { email: editor.email, toUserId: editor.id },
    });
    // The former owner is now an ordinary editor; the new owner has the owner's powers.
    await expect(transferOwnership({ userId: owner.id, appealId, toUserId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeMember({ userId: editor.id, appealId, memberUserId: owner.id });
    expect(await roles(appealId)).toEqual({ [editor.id]: "OWNER", [other.id]: "EDITOR" });
  });

  it("refuses a target who is not a member, or the owner themself, and changes nothing", async () => {
    const { owner, appealId } = await team();
    const outsider = await createUser();
    const before = { roles: await roles(appealId), audit: await auditActions(appealId) };
    await expect(transferOwnership({ userId: owner.id, appealId, toUserId: outsider.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(transferOwnership({ userId: owner.id, appealId, toUserId: owner.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await roles(appealId)).toEqual(before.roles);
    expect(await auditActions(appealId)).toEqual(before.audit);
  });

  it("refuses an invitee who has never signed in, saying so, and changes nothing", async () => {
    const { owner, appealId } = await team();
    const invited = await inviteMember({ userId: owner.id, appealId, email: address("never-signed-in") });
    const before = { roles: await roles(appealId), audit: await auditActions(appealId) };
    await expect(transferOwnership({ userId: owner.id, appealId, toUserId: invited.userId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("has not signed in yet"),
    });
    expect(await roles(appealId)).toEqual(before.roles);
    expect(await auditActions(appealId)).toEqual(before.audit);
    // Once they have signed in, the same transfer goes through.
    await db().user.update({ where: { id: invited.userId }, data: { emailVerified: new Date() } });
    await expect(transferOwnership({ userId: owner.id, appealId, toUserId: invited.userId })).resolves.toEqual({ email: invited.email });
  });

  it("leaves exactly one owner when two transfers race", async () => {
    const { owner, editor, other, appealId } = await team();
    const results = await Promise.allSettled([
      transferOwnership({ userId: owner.id, appealId, toUserId: editor.id }),
      transferOwnership({ userId: owner.id, appealId, toUserId: other.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = Object.entries(await roles(appealId)).filter(([, role]) => role === "OWNER");
    expect(owners).toHaveLength(1);
    expect(owners[0]![0]).not.toBe(owner.id);
    expect((await auditActions(appealId)).filter((e) => e.action === "member.ownership-transferred")).toHaveLength(1);
  });
});

describe("listMembers", () => {
  it("lists the owner first, then editors in the order they joined, with email, name and join date", async () => {
    const { owner, editor, other, appealId, appeal } = await team();
    const result = await listMembers({ userId: owner.id, appealId });
    expect(result.appeal).toEqual({ id: appealId, title: appeal.title });
    expect(result.viewerRole).toBe("OWNER");
    expect(result.members[0]).toMatchObject({ userId: owner.id, email: owner.email, name: "Olga Owner", role: "OWNER" });
    expect(result.members.slice(1).map((m) => m.userId).sort()).toEqual([editor.id, other.id].sort());
    for (const m of result.members) expect(m.joinedAt).toBeInstanceOf(Date);
  });
});
