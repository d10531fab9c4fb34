// How a group's rule reads on its card: "Any 1 of 3", "All 3", "2 of 3".
export function ruleLabel(rule: string, requiredCount: number | null, approverCount: number): string {
  if (rule === "ANY") return approverCount > 1 ? `Any 1 of ${approverCount}` : "Any 1";
  if (rule === "ALL") return approverCount === 1 ? "The 1 approver" : `All ${approverCount}`;
  return `${requiredCount ?? "?"} of ${approverCount}`;
}

export const RULE_OPTIONS = [
  { value: "ANY", label: "Any one approver" },
  { value: "ALL", label: "All approvers" },
  { value: "N_OF_M", label: "N of M approvers" },
] as const;
