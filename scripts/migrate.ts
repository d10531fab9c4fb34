// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { migrate } from "../lib/db/migrations";
import { resolveDatabase } from "./lib/database";

const db = await resolveDatabase();
try {
  const applied = await migrate(db.url);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await db.stop();
}
