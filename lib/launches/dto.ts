// What the browser gets of members and activity: plain shapes, ISO strings. Client-safe.
import type { Role } from "@/lib/domain/roles";

export type MemberRow = { id: string; userId: string; name: string; email: string; role: Role; since: string };

export type ActivityEntry = { id: string; type: string; at: string; actorName: string | null; payload: Record<string, unknown> };

export type LaunchSummary = {
  readiness: "READY" | "AT_RISK" | "NOT_READY" | null;
  nextWindow: { start: string; environment: string } | null;
  id: string;
  name: string;
  system: string;
  status: string;
  /** The reason of the GO by override the launch is in, if it is; null otherwise. */
  goOverride: string | null;
  timeZone: string;
  role: Role | null;
  memberCount: number;
  updatedAt: string;
};
