import { RehearsalsView } from "@/components/runbook/rehearsals-view";

export const metadata = { title: "Runbook rehearsals" };

export default function RunbookRehearsalsPage() {
  return <RehearsalsView />;
}
