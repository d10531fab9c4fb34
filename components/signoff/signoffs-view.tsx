"use client";
import { useQuery } from "@tanstack/react-query";
import { ReadinessHero } from "@/components/readiness/readiness-hero";
import { launchQueries } from "@/lib/launches/view-queries";
import { SignoffsBoard } from "./signoffs-board";

/** The sign-off page from the query cache: groups, readiness and approver candidates, patched live. */
export function SignoffsView(props: { launchId: string; zone: string; currentUserId: string; canSign: boolean; canConfigure: boolean }) {
  const { launchId, canConfigure } = props;
  const readiness = useQuery(launchQueries.readiness(launchId)).data;
  const groups = useQuery(launchQueries.signoffs(launchId)).data ?? [];
  const members = useQuery({ ...launchQueries.members(launchId), enabled: canConfigure }).data ?? [];
  if (!readiness) return null;
  // A group's evaluation follows the readiness the stream keeps current.
  const live = groups.map((g) => ({ ...g, evaluation: readiness.groups[g.id] ?? g.evaluation }));
  const candidates = members.filter((m) => m.role === "APPROVER").map((m) => ({ userId: m.userId, name: m.name, email: m.email }));
  return (
    <div className="space-y-5">
      <ReadinessHero readiness={readiness} />
      <SignoffsBoard {...props} groups={live} readiness={readiness} candidates={candidates} />
    </div>
  );
}
