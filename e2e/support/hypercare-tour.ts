import pg from "pg";
import type { Browser, BrowserContext } from "@playwright/test";
import { createLaunch, uid } from "./fixtures";

// For the axe and width passes: two launches of the tour's manager, arranged by SQL (state, not the flows
// under test): one in hypercare with an incident and its timeline, one closed by override (its report).

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

async function arrange(launchId: string, closed: boolean) {
  await sql(`UPDATE launch SET status = $2 WHERE id = $1`, [launchId, closed ? "CLOSED" : "HYPERCARE"]);
  await sql(
    `INSERT INTO hypercare (launch_id, started_at, planned_end_at, closed_at, override_reason, overridden_blockers)
     VALUES ($1, now() - interval '3 days', now() + interval '11 days', $2, $3, $4)`,
    closed
      ? [launchId, new Date(), "The vendor owns the remaining Sev 1; tracked in their ticket VND-42.", ["Sev 1 #1 “Card payments time out” is open."]]
      : [launchId, null, null, []],
  );
  await sql(
    `INSERT INTO hypercare_criterion (id, launch_id, kind, title, position, days, comparator, threshold, unit, hours) VALUES
     ($2, $1, 'NO_SEV1', 'No Sev 1 for 7 days', 0, 7, NULL, NULL, '', NULL),
     ($3, $1, 'METRIC', 'Error rate below 0.5 % for 72 h', 1, NULL, 'BELOW', '0.5', '%', 72),
     ($4, $1, 'SIGNED', 'Handover to support signed', 2, NULL, NULL, NULL, '', NULL)`,
    [launchId, `e2e-c-${uid()}`, `e2e-c-${uid()}`, `e2e-c-${uid()}`],
  );
  const incidentId = `e2e-inc-${uid()}`;
  await sql(
    `INSERT INTO incident (id, launch_id, number, title, severity, highest_severity, state, release_related, rollback_trigger, updated_at)
     VALUES ($1, $2, 1, 'Card payments time out', 1, 1, 'IDENTIFIED', true, true, now())`,
    [incidentId, launchId],
  );
  await sql(`INSERT INTO incident_note (id, incident_id, body, to_state, severity) VALUES ($1, $2, 'p99 at 12 s since 02:10', 'INVESTIGATING', 1)`, [`e2e-n-${uid()}`, incidentId]);
}

export async function prepareHypercareTour(browser: Browser, tour: { state: Awaited<ReturnType<BrowserContext["storageState"]>> }) {
  const context = await browser.newContext({ storageState: tour.state });
  const page = await context.newPage();
  const open = await createLaunch(page, `Hypercare ${uid()}`);
  const closed = await createLaunch(page, `Closed ${uid()}`);
  await context.close();
  await arrange(open, false);
  await arrange(closed, true);
  return [
    { name: "hypercare", path: `/launches/${open}/hypercare` },
    { name: "hypercare (closed)", path: `/launches/${closed}/hypercare` },
    { name: "closing report", path: `/launches/${closed}/hypercare/report` },
  ];
}
