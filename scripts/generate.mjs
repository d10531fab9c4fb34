// Generates the Prisma client without downloading anything.
// Prisma's CLI fetches its native schema engine before every command, even `generate`, which does not
// use it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download
// (docs/decisions/0002-migrations-without-engine.md). Migrations are applied by scripts/migrate.ts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? self,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
