// `npm run admin:grant -- <email>`: makes an existing account an instance admin (environments, freezes,
// published templates), through the write path with an audit event. Uses DATABASE_URL, or the embedded
// database in .data/ when unset (start it with `npm start` first, or this starts it for the moment).
import { localAuthSecret, resolveDatabase } from "./lib/database";

const email = process.argv[2];
if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
  console.error("usage: npm run admin:grant -- <email of an existing account>");
  process.exit(2);
}
const database = await resolveDatabase({ quiet: true, reuseRunning: true });
let code = 0;
try {
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= database.embedded ? localAuthSecret() : undefined;
  const { grantAdmin } = await import("../lib/auth/admin");
  const { changed } = await grantAdmin(email, "command");
  console.log(changed ? `${email} is now an instance admin.` : `${email} was already an instance admin.`);
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
