// Runs a command against a fresh, migrated test database: `node --import tsx scripts/with-db.ts vitest run`.
import { spawn } from "node:child_process";
import { createTestDatabase } from "./lib/test-db";

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: with-db.ts <command> [args…]");
  process.exit(2);
}
const db = await createTestDatabase();
console.log(`▸ Test database ready (${new URL(db.url).pathname.slice(1)})`);
const child = spawn(cmd, args, {
  stdio: "inherit",
  shell: false,
  env: {
    ...process.env,
    PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`,
    DATABASE_URL: db.url,
    LIFTOFF_ADMIN_DATABASE_URL: db.adminUrl,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "test-secret-test-secret-test-secret-0123",
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? "http://localhost:3000",
  },
});
const forward = (sig: NodeJS.Signals) => child.kill(sig);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
const code: number = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
await db.stop();
process.exit(code);
