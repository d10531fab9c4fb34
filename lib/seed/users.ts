import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { db } from "@/lib/db/client";

/** Creates an email + password user the way better-auth's sign-up does (user row + credential account). */
export async function createPasswordUser(input: { name: string; email: string; password: string; isAdmin?: boolean; passwordHash?: string }) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return existing.id;
  const id = randomUUID();
  // A caller creating many users with one password (the test fixtures) may pass its hash: scrypt costs ~0.5 s.
  const password = input.passwordHash ?? (await hashPassword(input.password));
  await db.user.create({
    data: {
      id,
      name: input.name,
      email: input.email,
      emailVerified: true,
      isAdmin: input.isAdmin ?? false,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password } },
    },
  });
  return id;
}
