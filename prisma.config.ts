import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself, and env() throws when a variable is unset; the URL matters only to
// the CLI's migrate commands, which this project runs through scripts/migrate.ts instead.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/liftoff" },
});
