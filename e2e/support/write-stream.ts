// For e2e/crash-recovery.spec.ts: writes launches through the one write path (runCommand) as fast as it
// can, printing "ack <id>" only after each commit returned. A failed write (Postgres down) is retried
// after a pause and never printed. Runs until killed.
//   node --conditions=react-server --import tsx e2e/support/write-stream.ts   (DATABASE_URL set)
import { randomBytes } from "node:crypto";
import { createLaunch } from "@/lib/launches/commands";
import { createPasswordUser } from "@/lib/seed/users";

const tag = randomBytes(4).toString("hex");
let userId: string | undefined;
for (let n = 0; ; n++) {
  try {
    userId ??= await createPasswordUser({ name: `Writer ${tag}`, email: `writer-${tag}@test.liftoff`, password: "writer-password-1" });
    const launch = await createLaunch({ userId, isAdmin: false }, { name: `Crash ${tag} ${n}`, system: "Ledger", description: "", timeZone: "UTC" });
    process.stdout.write(`ack ${launch.id}\n`);
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
