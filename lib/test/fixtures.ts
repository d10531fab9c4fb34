import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { getAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { createLaunch } from "@/lib/launches/commands";
import { createPasswordUser } from "@/lib/seed/users";
import { setRequestHeaders } from "./request-context";

export type TestUser = { id: string; name: string; email: string; cookie: string; actor: { userId: string; isAdmin: boolean } };

export const uid = () => randomBytes(5).toString("hex");
const PASSWORD = "test-password-123";

/** A real user with a real session: signs in through better-auth's handler and keeps the cookie. */
// Every test user has the same password: hash it once per test process (scrypt is the slowest part of a user).
let passwordHash: Promise<string> | undefined;

export async function createUser(opts: { name?: string; isAdmin?: boolean; email?: string } = {}): Promise<TestUser> {
  const tag = uid();
  const name = opts.name ?? `User ${tag}`;
  const email = opts.email ?? `user-${tag}@test.liftoff`;
  passwordHash ??= hashPassword(PASSWORD);
  const id = await createPasswordUser({ name, email, password: PASSWORD, passwordHash: await passwordHash, isAdmin: opts.isAdmin });
  const response = await getAuth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-liftoff-client-ip": `10.${tag.length}.${parseInt(tag.slice(0, 2), 16)}.${parseInt(tag.slice(2, 4), 16)}` },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { id, name, email, cookie, actor: { userId: id, isAdmin: opts.isAdmin ?? false } };
}

/** Subsequent server actions run as `user` (null: signed out). */
export function actAs(user: TestUser | null) {
  setRequestHeaders(new Headers(user ? { cookie: user.cookie } : {}));
}

export async function createTestLaunch(manager: TestUser, members: [TestUser, Role][] = [], name = `Launch ${uid()}`) {
  const launch = await createLaunch(manager.actor, { name, system: "Core banking", description: "", timeZone: "Europe/London" });
  for (const [user, role] of members) {
    await db.member.create({ data: { launchId: launch.id, userId: user.id, role } });
  }
  return launch;
}

export async function eventsOf(launchId: string) {
  return db.event.findMany({ where: { launchId }, orderBy: { id: "asc" } });
}
