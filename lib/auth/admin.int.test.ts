import { describe, expect, it } from "vitest";
import { applyAdminEmails, grantAdmin } from "@/lib/auth/admin";
import { db } from "@/lib/db/client";
import { createUser, uid } from "@/lib/test/fixtures";

const grantedEvents = (userId: string) =>
  db.event.findMany({ where: { type: "admin.granted", launchId: null }, select: { payload: true } }).then((rows) =>
    rows.map((r) => r.payload as { userId: string; via: string }).filter((p) => p.userId === userId),
  );

describe("granting instance admin", () => {
  it("grants once through the write path, with an audit event naming the means", async () => {
    const user = await createUser();
    expect(await grantAdmin(user.email.toUpperCase(), "command")).toEqual({ userId: user.id, changed: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(true);
    expect(await grantAdmin(user.email, "command")).toEqual({ userId: user.id, changed: false });
    expect(await grantedEvents(user.id)).toEqual([expect.objectContaining({ via: "command" })]);
  });

  it("refuses an address without an account, naming it, and writes nothing", async () => {
    const email = `nobody-${uid()}@test.liftoff`;
    const before = await db.event.count();
    await expect(grantAdmin(email, "command")).rejects.toThrow(`No account uses ${email}`);
    expect(await db.event.count()).toBe(before);
  });

  it("applies LIFTOFF_ADMIN_EMAILS at start to the accounts that exist", async () => {
    const user = await createUser();
    const later = `later-${uid()}@test.liftoff`;
    expect(await applyAdminEmails([user.email, later])).toEqual([user.email]);
    expect(await grantedEvents(user.id)).toEqual([expect.objectContaining({ via: "LIFTOFF_ADMIN_EMAILS" })]);
  });
});
