import { RunView } from "@/components/runbook/run-view";

export const metadata = { title: "Runbook" };

export default function RunbookPage() {
  return <RunView />;
}
