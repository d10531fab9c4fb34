import type { RunbookTemplate } from "./define";

// A schema and data migration with downtime, a verified backup and an explicit, rehearsed rollback path.
export const databaseMigration: RunbookTemplate = {
  key: "database-migration",
  name: "Database migration with rollback",
  description: "Stop writers, back up, migrate schema and data, verify, and restart — with the restore path timed in rehearsal.",
  rollbackMin: 60,
  bufferMin: 20,
  streams: [
    {
      name: "Comms",
      tasks: [
        { key: "C1", title: "Open the bridge and confirm DBA, app and on-call are present", min: 5, type: "COMMUNICATION" },
        { key: "C2", title: "Notify users: maintenance starting", min: 5, type: "COMMUNICATION", after: ["C1"] },
        { key: "C3", title: "Notify users: service restored", min: 5, type: "COMMUNICATION", after: ["V3"] },
      ],
    },
    {
      name: "App",
      tasks: [
        { key: "A1", title: "Stop writers: scale workers and API to zero", min: 10, critical: true, after: ["C2"] },
        { key: "A2", title: "Deploy the application version for the new schema", min: 15, after: ["M2"] },
        { key: "A3", title: "Start API and workers", min: 10, critical: true, after: ["A2", "V2"] },
      ],
    },
    {
      name: "Database",
      tasks: [
        { key: "B1", title: "Full backup and restore test on the standby", min: 45, critical: true, after: ["A1"], notes: "Record the backup id and the restore time: the restore is the rollback." },
        { key: "B2", title: "Verify backup checksum and row counts", min: 10, type: "VALIDATION", after: ["B1"] },
        { key: "M1", title: "Apply schema migration (DDL)", min: 20, critical: true, after: ["B2"] },
        { key: "M2", title: "Run data backfill", min: 60, after: ["M1"] },
        { key: "M3", title: "Rebuild indexes and analyse", min: 25, after: ["M2:SS+30"] },
      ],
    },
    {
      name: "Validation",
      tasks: [
        { key: "D1", title: "Point of decision: continue or restore from backup", min: 5, type: "DECISION", after: ["M1"] },
        { key: "V1", title: "Schema diff matches the release", min: 10, type: "VALIDATION", after: ["M1", "D1"] },
        { key: "V2", title: "Data checks: row counts, constraints, sample queries", min: 20, type: "VALIDATION", after: ["M2", "M3", "V1"] },
        { key: "V3", title: "End-to-end smoke test on the live app", min: 15, type: "VALIDATION", after: ["A3"] },
        { key: "MS", title: "Migration complete", min: 0, type: "MILESTONE", after: ["V3"] },
      ],
    },
  ],
};
