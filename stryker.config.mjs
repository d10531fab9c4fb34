// Mutation testing of the pure domain core: `npm run test:mutation` (see README, "Mutation testing").
// Only files that import neither Next nor Prisma are mutated; only the unit project runs against them,
// so a run needs no database and no build.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "lib/domain/roles.ts",
    "lib/signoff/{rules,staleness,lifecycle,rule-label,duration}.ts",
    "lib/readiness/{readiness,readiness-reasons,latest-decisions}.ts",
    "lib/checklist/{dag,due,transitions,readiness-summary,filter,reorder}.ts",
    "lib/windows/{intervals,freeze,wall-clock,lifecycle}.ts",
  ],
  // The sandbox is a copy of the tree: leave out build output, databases and other agents' folders.
  ignorePatterns: [".next", ".next-*", ".data", ".shots-*", "test-results", "playwright-report", "bench/results", "docs/screenshots", "reports"],
  checkers: [],
  concurrency: 2,
  coverageAnalysis: "perTest",
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 80, break: null },
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};

export default config;
