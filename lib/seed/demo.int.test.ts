import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_USERS, seedDemo } from "@/lib/seed";
import { createEnvironment } from "@/lib/windows/admin-commands";

// The demo's password is printed on the sign-in page: none of its accounts may run the instance.
describe("demo seed", () => {
  it("seeds the launch, its environments and window, with no demo account an instance admin", async () => {
    const result = await seedDemo();
    expect(result.created).toBe(true);
    const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true, isAdmin: true } });
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(users.filter((u) => u.isAdmin)).toEqual([]);
    expect(await db.environment.count({ where: { name: { in: ["production-eu", "production-us", "staging"] } } })).toBe(3);
    expect(await db.deploymentWindow.count({ where: { launchId: result.launchId } })).toBe(1);

    const manager = users.find((u) => u.email === "manager@liftoff.demo")!;
    await expect(createEnvironment({ userId: manager.id, isAdmin: true }, { name: "sneaky", description: "" })).rejects.toThrow(/Only instance admins/);
    expect((await seedDemo()).created).toBe(false);
  });
});
