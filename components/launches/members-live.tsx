"use client";
import { useQuery } from "@tanstack/react-query";
import { launchQueries } from "@/lib/launches/view-queries";
import { MembersManager } from "./members-manager";
import { TeamRulesCard } from "./team-rules-card";

type Props = Omit<React.ComponentProps<typeof MembersManager>, "members">;

/** The members list from the query cache (patched live when anyone joins, leaves or changes role). */
export function MembersLive(props: Props) {
  const members = useQuery(launchQueries.members(props.launchId)).data ?? [];
  return (
    <div className="space-y-5">
      <MembersManager {...props} members={members} />
      <TeamRulesCard launchId={props.launchId} canManage={props.canManage} />
    </div>
  );
}
