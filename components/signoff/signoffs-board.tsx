"use client";
import { ClipboardCheck } from "lucide-react";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import type { ApproverCandidate, GroupView } from "@/lib/signoff/dto";
import { GroupCard } from "./group-card";
import { GroupEditor } from "./group-editor";

type Props = {
  launchId: string;
  zone: string;
  groups: GroupView[];
  readiness: ReadinessDTO;
  candidates: ApproverCandidate[];
  currentUserId: string;
  canSign: boolean;
  canConfigure: boolean;
};

export function SignoffsBoard(props: Props) {
  const { launchId, groups, candidates, canConfigure } = props;
  return (
    <div className="space-y-5">
      {groups.length === 0 ? (
        <Card>
          <EmptyState icon={<ClipboardCheck className="size-8" />} title="No sign-offs required yet">
            {canConfigure
              ? "Add the groups that must say yes before go-live (QA, Security, Operations, Business owner) and pick their approvers below."
              : "A manager decides who must sign off before go-live. Their groups will appear here."}
          </EmptyState>
        </Card>
      ) : (
        <div className="grid items-start gap-4 lg:grid-cols-2">
          {groups.map((g) => <GroupCard key={g.id} {...props} group={g} />)}
        </div>
      )}
      {canConfigure && (
        <Card aria-labelledby="add-group" className="no-print">
          <CardHeader id="add-group" title="Add a sign-off group" description="Approvers are members with the Approver role. Any one, all, or N of M must approve." />
          <GroupEditor launchId={launchId} candidates={candidates} />
        </Card>
      )}
    </div>
  );
}
