import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BUILTIN_TEMPLATES } from "./index";

// Built-in templates live in code and are mirrored into the Template table by stable id, so launches
// and the template picker treat them like saved ones.

const data = (t: (typeof BUILTIN_TEMPLATES)[number]) => ({
  name: t.name,
  description: t.description,
  builtIn: true,
  content: t.content as unknown as Prisma.InputJsonValue,
});

/** Upserts every built-in (content follows the code). Idempotent; run by the demo seed. */
export async function syncBuiltinTemplates(client: Db | Tx = db) {
  for (const t of BUILTIN_TEMPLATES) {
    await client.template.upsert({ where: { id: t.id }, update: data(t), create: { id: t.id, ...data(t) } });
  }
}

/** Inserts the built-ins that are missing, without touching existing rows; safe under concurrency. */
export async function ensureBuiltinTemplates(client: Db | Tx = db) {
  const present = await client.template.count({ where: { id: { in: BUILTIN_TEMPLATES.map((t) => t.id) } } });
  if (present === BUILTIN_TEMPLATES.length) return;
  await client.template.createMany({ data: BUILTIN_TEMPLATES.map((t) => ({ id: t.id, ...data(t) })), skipDuplicates: true });
}
