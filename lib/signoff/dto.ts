// What the browser gets of sign-offs and go/no-go decisions: plain shapes, ISO strings. Client-safe.
import type { ReadinessDTO } from "@/lib/readiness/dto";
import type { ReadinessState } from "@/lib/readiness/readiness";
import type { EvaluatedGroup } from "@/lib/readiness/readiness-reasons";
import type { DecisionKind, SignoffRule } from "./rules";

export type DecisionView = {
  id: string;
  approverId: string;
  approverName: string;
  decision: DecisionKind;
  comment: string;
  evidenceLinks: string[];
  createdAt: string;
  staleAt: string | null;
  staleReason: string | null;
  snapshot: ReadinessDTO | null;
};

export type GroupView = {
  id: string;
  name: string;
  rule: SignoffRule;
  requiredCount: number | null;
  /** What an edit sends back: a stale one is a conflict. */
  version: number;
  approvers: { userId: string; name: string }[];
  /** Each approver's standing decision (live or stale); withdrawn ones and superseded history left out. */
  decisions: DecisionView[];
  evaluation: EvaluatedGroup | null;
};

export type GoDecisionView = {
  id: string;
  outcome: "GO" | "NO_GO";
  notes: string;
  overrideReason: string | null;
  nextStep: string | null;
  decidedBy: string;
  createdAt: string;
  readinessAtDecision: ReadinessState | null;
  reasonsAtDecision: string[];
};

export type ChangeEntry = { id: string; type: string; at: string; actorName: string | null; payload: Record<string, unknown> };

/** A member with the approver role, offered when a manager staffs a sign-off group. */
export type ApproverCandidate = { userId: string; name: string; email: string };
