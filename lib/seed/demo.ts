import "server-only";
import { db } from "@/lib/db/client";
import { createLaunch } from "@/lib/launches/commands";
import { createPasswordUser } from "./users";

// The demo shows every capability as it lands; each capability extends `seedDemo` with its part.
export const DEMO_PASSWORD = "liftoff-demo";
export const DEMO_USERS = [
  { key: "manager", name: "Maya Manager", email: "manager@liftoff.demo" },
  { key: "engineer", name: "Eli Engineer", email: "engineer@liftoff.demo" },
  { key: "engineer2", name: "Noor Network", email: "noor@liftoff.demo" },
  { key: "approver", name: "Ada Approver", email: "approver@liftoff.demo" },
  { key: "approver2", name: "Sam Security", email: "security@liftoff.demo" },
  { key: "viewer", name: "Vic Viewer", email: "viewer@liftoff.demo" },
] as const;
export const DEMO_LAUNCH_NAME = "Payments platform cutover";

export async function isDemoSeeded() {
  return (await db.launch.count({ where: { name: DEMO_LAUNCH_NAME } })) > 0;
}

export type DemoHook = (ctx: { launchId: string; users: Record<(typeof DEMO_USERS)[number]["key"], string> }) => Promise<void>;
const hooks: DemoHook[] = [];
/** Capabilities register how they extend the demo launch. */
export function extendDemo(hook: DemoHook) {
  hooks.push(hook);
}

export async function seedDemo() {
  if (await isDemoSeeded()) return { created: false };
  const users = {} as Record<(typeof DEMO_USERS)[number]["key"], string>;
  for (const u of DEMO_USERS) users[u.key] = await createPasswordUser({ ...u, password: DEMO_PASSWORD });
  const manager = { userId: users.manager, isAdmin: false };
  const launch = await createLaunch(manager, {
    name: DEMO_LAUNCH_NAME,
    system: "Payments API v3",
    description: "Move card payments from the legacy gateway to Payments API v3, with a Saturday-night window.",
    timeZone: "Europe/London",
  });
  const roles = { engineer: "ENGINEER", engineer2: "ENGINEER", approver: "APPROVER", approver2: "APPROVER", viewer: "VIEWER" } as const;
  // Seeded memberships are written directly: the product path is an invitation the user accepts.
  await db.member.createMany({
    data: Object.entries(roles).map(([key, role]) => ({ launchId: launch.id, userId: users[key as keyof typeof roles], role })),
  });
  for (const hook of hooks) await hook({ launchId: launch.id, users });
  return { created: true, launchId: launch.id };
}
