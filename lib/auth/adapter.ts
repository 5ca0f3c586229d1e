import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// @next-auth/prisma-adapter types against `@prisma/client`, which Prisma 7's generated client is
// not; the dozen calls it needs are simpler to own than to cast around.

const isNotFound = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025";

export function prismaAdapter(): Adapter {
  return {
    createUser: (user: Omit<AdapterUser, "id">) =>
      db().user.create({
        data: { email: user.email.toLowerCase(), emailVerified: user.emailVerified, name: user.name, image: user.image },
      }),
    getUser: (id) => db().user.findUnique({ where: { id } }),
    getUserByEmail: (email) => db().user.findUnique({ where: { email: email.toLowerCase() } }),
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account?.user ?? null;
    },
    linkAccount: async (account: AdapterAccount) => {
      await db().account.create({ data: account });
    },
    updateUser: ({ id, ...data }) => db().user.update({ where: { id }, data }),
    createSession: (session) => db().session.create({ data: session }),
    async getSessionAndUser(sessionToken) {
      const found = await db().session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!found) return null;
      const { user, ...session } = found;
      return { user, session };
    },
    updateSession: ({ sessionToken, ...data }) => db().session.update({ where: { sessionToken }, data }),
    async deleteSession(sessionToken) {
      await db().session.deleteMany({ where: { sessionToken } });
    },
    createVerificationToken: (token) => db().verificationToken.create({ data: token }),
    // Deleting on use makes the link single-use even when two requests race for it.
    async useVerificationToken({ identifier, token }) {
      try {
        return await db().verificationToken.delete({ where: { identifier_token: { identifier, token } } });
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
  };
}
