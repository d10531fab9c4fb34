"use client";
import { Pencil, Trash2, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { deleteGroupAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import type { ApproverCandidate, GroupView } from "@/lib/signoff/dto";
import { plural } from "@/lib/checklist/quote-list";
import { ruleLabel } from "@/lib/signoff/rule-label";
import { DecisionForm } from "./decision-form";
import { DecisionRow } from "./decision-row";
import { GroupEditor } from "./group-editor";
import { GroupStatusBadge } from "./group-status-badge";
import { useRun } from "./use-run";
import { WhatChanged } from "./what-changed";

type Props = {
  launchId: string;
  zone: string;
  group: GroupView;
  readiness: ReadinessDTO;
  currentUserId: string;
  canSign: boolean;
  canConfigure: boolean;
  candidates: ApproverCandidate[];
};

export function GroupCard({ launchId, zone, group, readiness, currentUserId, canSign, canConfigure, candidates }: Props) {
  const [editing, setEditing] = useState(false);
  const { run, pending } = useRun();
  const ev = group.evaluation;
  const mine = group.decisions.find((d) => d.approverId === currentUserId) ?? null;
  const iApprove = group.approvers.some((a) => a.userId === currentUserId);
  const started = !!ev && (ev.approvals > 0 || ev.staleCount > 0);

  return (
    <Card aria-labelledby={`group-${group.id}`} data-testid="signoff-group" data-group={group.name}>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id={`group-${group.id}`} className="text-base font-semibold">{group.name}</h2>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">{ruleLabel(group.rule, group.requiredCount, group.approvers.length)}</span>
        {ev && <GroupStatusBadge status={ev.status} started={started} />}
        {ev && !ev.problem && <span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{ev.approvals} of {ev.needed} approvals</span>}
        {canConfigure && (
          <span className="no-print ml-auto flex gap-1">
            <Button variant="ghost" size="sm" onClick={() => setEditing((v) => !v)} aria-label={`Edit ${group.name}`}><Pencil className="size-4" aria-hidden /></Button>
            <Button
              variant="ghost"
              size="sm"
              pending={pending}
              aria-label={`Delete ${group.name}`}
              onClick={() => {
                if (!window.confirm(`Delete the group “${group.name}” and its ${plural(group.decisions.length, "decision")}?`)) return;
                run(() => deleteGroupAction({ launchId, groupId: group.id }), `Deleted “${group.name}”`);
              }}
            >
              <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
            </Button>
          </span>
        )}
      </header>
      {editing && <GroupEditor launchId={launchId} candidates={candidates} group={group} onDone={() => setEditing(false)} />}
      {ev?.problem && (
        <p className="flex items-start gap-2 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            {ev.problem} {group.approvers.length === 0 && (canConfigure ? <button className="font-semibold underline" onClick={() => setEditing(true)}>Add approvers</button> : <strong>A manager must add approvers.</strong>)}
          </span>
        </p>
      )}
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={`Approvers of ${group.name}`}>
        {group.approvers.map((a) => (
          <DecisionRow key={a.userId} name={a.name} zone={zone} isMe={a.userId === currentUserId} decision={group.decisions.find((d) => d.approverId === a.userId) ?? null} />
        ))}
      </ul>
      {iApprove && canSign && (
        <div className="space-y-3 px-4 pb-4">
          {mine?.snapshot && <WhatChanged snapshot={mine.snapshot} current={readiness} zone={zone} groupId={group.id} />}
          <DecisionForm launchId={launchId} groupId={group.id} groupName={group.name} myDecisionId={mine?.id ?? null} />
        </div>
      )}
    </Card>
  );
}
