// How a group's rule reads on its card: "Any 1 of 3", "All 3", "2 of 3".
// With nobody assigned yet it says so rather than "All 0".
export function ruleLabel(rule: string, requiredCount: number | null, approverCount: number): string {
  if (approverCount === 0) {
    if (rule === "ANY") return "Any approver (none assigned yet)";
    if (rule === "ALL") return "All approvers (none assigned yet)";
    return `${requiredCount ?? "?"} approvers (none assigned yet)`;
  }
  if (rule === "ANY") return approverCount > 1 ? `Any 1 of ${approverCount}` : "Any 1";
  if (rule === "ALL") return approverCount === 1 ? "The 1 approver" : `All ${approverCount}`;
  return `${requiredCount ?? "?"} of ${approverCount}`;
}

export const RULE_OPTIONS = [
  { value: "ANY", label: "Any one approver" },
  { value: "ALL", label: "All approvers" },
  { value: "N_OF_M", label: "N of M approvers" },
] as const;
