import path from "node:path";
import { defineConfig } from "vitest/config";

// The unit project alone, for Stryker (stryker.config.mjs): mutants are judged by the pure tests only.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts"),
    },
  },
  test: {
    // The tests of the mutated modules' folders (not the CSV or component tests, which test none of them).
    include: [
      "lib/{domain,signoff,readiness,windows,time}/**/*.test.ts",
      "lib/checklist/{dag,due,transitions,readiness-summary,filter,reorder}.test.ts",
    ],
    exclude: ["**/*.int.test.ts", "node_modules/**"],
    environment: "node",
    // Instrumented code on a shared machine: property tests need more than the default 5 s.
    testTimeout: 30_000,
  },
});
