import { MyTasks } from "@/components/runbook/my-tasks";

export const metadata = { title: "My runbook tasks" };

export default function MyRunbookTasksPage() {
  return <MyTasks />;
}
