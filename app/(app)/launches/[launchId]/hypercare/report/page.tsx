import { ClosingReportView } from "@/components/hypercare/closing-report";
import { loadClosingReport } from "@/lib/hypercare/report";
import { loadLaunchPage } from "@/lib/launches/page-data";

export const metadata = { title: "Closing report" };

export default async function ClosingReportPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { launch } = await loadLaunchPage(params);
  return <ClosingReportView report={await loadClosingReport(launch.id)} />;
}
