import { describe, expect, it } from "vitest";
import { migrationState, type Migration, type MigrationRecord } from "./migrations";

// The one rule /api/health and /admin/health read the migration table by.

const file = (name: string, checksum = `sum-${name}`): Migration => ({ name, sql: "", checksum });
const row = (name: string, over: Partial<MigrationRecord> = {}): MigrationRecord => ({
  migration_name: name,
  checksum: `sum-${name}`,
  finished_at: new Date(0),
  rolled_back_at: null,
  ...over,
});

describe("migrationState", () => {
  const files = [file("1_init"), file("2_items"), file("3_windows")];

  it("is clean when every file on disk finished with the same checksum", () => {
    expect(migrationState([row("1_init"), row("2_items"), row("3_windows")], files)).toEqual({ onDisk: 3, pending: [], failed: [], modified: [] });
  });

  it("calls a file without a finished row pending, a started-never-finished row failed, and a changed file modified", () => {
    const state = migrationState([row("1_init", { checksum: "edited" }), row("2_items", { finished_at: null })], files);
    expect(state).toEqual({ onDisk: 3, pending: ["2_items", "3_windows"], failed: ["2_items"], modified: ["1_init"] });
  });

  it("ignores rolled-back rows, and a failed try that a later try finished", () => {
    const state = migrationState(
      [row("1_init"), row("2_items", { finished_at: null }), row("2_items"), row("3_windows", { rolled_back_at: new Date(0) })],
      files,
    );
    expect(state).toEqual({ onDisk: 3, pending: ["3_windows"], failed: [], modified: [] });
  });

  it("reports a failed migration once however many tries failed", () => {
    expect(migrationState([row("1_init", { finished_at: null }), row("1_init", { finished_at: null })], files).failed).toEqual(["1_init"]);
  });
});
