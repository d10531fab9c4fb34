import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Counts SQL statements at the driver (Prisma's query log, so relation loads Prisma splits into extra
// statements count too). `db` reads the client from globalThis, so swapping it counts the app's own reads.

const holder = globalThis as unknown as { prisma?: PrismaClient };

/** Registers the counting client for this test file; `count(fn)` runs `fn` with it and returns the tally. */
export function countingStatements() {
  let original: PrismaClient | undefined;
  let counting: PrismaClient<"query">;
  let statements = 0;
  beforeAll(() => {
    original = holder.prisma;
    counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    counting.$on("query", (e) => {
      statements++;
      // LOG_SQL=1: print each statement counted (what a count that moved is made of).
      if (process.env.LOG_SQL) console.log("SQL", e.query);
    });
  });
  afterAll(async () => {
    holder.prisma = original;
    await counting.$disconnect();
  });
  return async function count<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
    holder.prisma = counting as unknown as PrismaClient;
    statements = 0;
    try {
      const value = await fn();
      return { value, statements };
    } finally {
      holder.prisma = original;
    }
  };
}
