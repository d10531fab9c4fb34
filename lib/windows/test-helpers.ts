import { db } from "@/lib/db/client";
import { uid } from "@/lib/test/fixtures";
import type { ScheduleWindowInput } from "./window.schema";

// Shared by the windows integration tests: a fresh environment per test, so tests never share a clash.

export async function createTestEnvironment(prefix = "env") {
  return db.environment.create({ data: { name: `${prefix}-${uid()}` }, select: { id: true, name: true } });
}

/** A window input in London wall-clock time on a far-future day, so "now" never gets in the way. */
export function windowInput(launchId: string, environmentId: string, over: Partial<ScheduleWindowInput> = {}): ScheduleWindowInput {
  return {
    launchId,
    environmentId,
    start: "2031-06-07T01:00",
    end: "2031-06-07T05:00",
    timeZone: "Europe/London",
    status: "SCHEDULED",
    ...over,
  };
}

export const windowsOn = (environmentId: string) => db.deploymentWindow.findMany({ where: { environmentId }, orderBy: { startsAt: "asc" } });
