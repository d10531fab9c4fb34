"use client";
import { ThumbsDown, ThumbsUp, Undo2 } from "lucide-react";
import { useState } from "react";
import { decideAction, withdrawAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { Button } from "@/components/ui/button";
import { Field, Textarea, fieldAria } from "@/components/ui/field";
import { useRun } from "./use-run";

type Props = { launchId: string; groupId: string; groupName: string; myDecisionId: string | null };

/** An approver's controls for one group. Rejecting needs a comment; evidence is one link per line. */
export function DecisionForm({ launchId, groupId, groupName, myDecisionId }: Props) {
  const { run, pending, errors } = useRun();
  const [comment, setComment] = useState("");
  const [links, setLinks] = useState("");
  const [clicked, setClicked] = useState<"APPROVE" | "REJECT" | "WITHDRAW" | null>(null);
  const id = `decide-${groupId}`;

  function decide(decision: "APPROVE" | "REJECT") {
    const evidenceLinks = links.split(/\s+/).map((l) => l.trim()).filter(Boolean);
    const verb = decision === "APPROVE" ? "Approved" : "Rejected";
    setClicked(decision);
    run(() => decideAction({ launchId, groupId, decision, comment, evidenceLinks }), `${verb} for ${groupName}`, () => {
      setComment("");
      setLinks("");
    });
  }

  const linkErrors = Object.entries(errors).filter(([k]) => k.startsWith("evidenceLinks")).flatMap(([, v]) => v);
  return (
    <div className="no-print space-y-3 border-t border-zinc-100 pt-3 dark:border-zinc-800" data-testid="decision-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-comment`} label="Comment" hint="Required to reject: say what must change." errors={errors.comment}>
          <Textarea {...fieldAria(`${id}-comment`, errors.comment)} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
        </Field>
        <Field id={`${id}-links`} label="Evidence links" hint="Optional, one http(s) link per line." errors={linkErrors.length ? linkErrors : undefined}>
          <Textarea
            {...fieldAria(`${id}-links`, linkErrors.length ? linkErrors : undefined)}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
            rows={2}
            placeholder="https://ci.example.com/run/42"
          />
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} pending={pending && clicked === "APPROVE"} onClick={() => decide("APPROVE")} className="bg-green-700 hover:bg-green-800 disabled:bg-green-700/50">
          <ThumbsUp className="size-4" aria-hidden /> Approve
        </Button>
        <Button type="button" variant="danger" disabled={pending} pending={pending && clicked === "REJECT"} onClick={() => decide("REJECT")}>
          <ThumbsDown className="size-4" aria-hidden /> Reject
        </Button>
        {myDecisionId && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            pending={pending && clicked === "WITHDRAW"}
            onClick={() => {
              setClicked("WITHDRAW");
              run(() => withdrawAction({ launchId, decisionId: myDecisionId }), `Withdrew your sign-off for ${groupName}`);
            }}
          >
            <Undo2 className="size-4" aria-hidden /> Withdraw
          </Button>
        )}
      </div>
    </div>
  );
}
