import type pg from "pg";

// Tables rewritten by authentication itself, not by actions.
const AUTH_TABLES = new Set(["session", "rate_limit", "verification", "_prisma_migrations", "api_token_usage"]);

/** One md5 per table over every row: two equal digests mean nothing was written in between. */
export async function dbDigest(client: pg.Client): Promise<Record<string, string>> {
  const { rows: tables } = await client.query<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: t } of tables) {
    if (AUTH_TABLES.has(t)) continue;
    const { rows } = await client.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d, count(*) AS n FROM "${t}" x`);
    out[t] = `${rows[0].n}:${rows[0].d}`;
  }
  return out;
}
