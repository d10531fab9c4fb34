import { afterAll, vi } from "vitest";
import { requestHeaders } from "./request-context";

// Server actions run outside a Next request here. next/headers reads the test's request; next/cache's
// revalidation has no cache to clear. Everything else (Postgres, better-auth, Prisma) is real.
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders(),
  cookies: async () => {
    const jar = new Map<string, string>();
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    };
  },
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));

if (!process.env.DATABASE_URL?.includes("liftoff_test_")) {
  throw new Error("Integration tests run through scripts/with-db.ts (npm run test:integration), on a fresh test database.");
}

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
});
