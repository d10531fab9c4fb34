import { PlanView } from "@/components/runbook/plan-view";

export const metadata = { title: "Runbook plan" };

export default function RunbookPlanPage() {
  return <PlanView />;
}
